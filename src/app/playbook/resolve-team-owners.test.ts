import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntitlement } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import { statusSegments } from "../../db/schema.ts";
import { resolveTeamOwners } from "./resolve-team-owners.ts";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe(resolveTeamOwners.name, () => {
  it("turns text owners naming a role of the active playbook into teams, once", async () => {
    const deps = await makeTestDeps(database);
    const entitlement = await createEntitlement(database.db, {
      segments: [{ seats: 10, l1: "blocked", owner: "delivery fm" }],
    });
    expect(await resolveTeamOwners(deps)).toBeGreaterThanOrEqual(1);
    const [row] = await database.db
      .select()
      .from(statusSegments)
      .where(eq(statusSegments.entitlementId, entitlement.id));
    expect(row).toMatchObject({ owner: "Delivery FM", ownerTeam: "delivery_fm", ownerUserId: null });
    expect(await resolveTeamOwners(deps)).toBe(0);
  });
});
