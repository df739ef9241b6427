import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import { createEntitlement, createTenant, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import { statusHistory, statusSegments } from "../../db/schema.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { importStatuses } from "./import-statuses.ts";

const header =
  "tenant_domain,service,stage,available_seats,seats,l1,l2,engagement_scenario,target_date,owner,note\n";
const row = (owner: string) =>
  `owners.example,Exchange,delivery,100,100,Blocked,"Customer IT Infrastructure, Remediation",Customer-Led,2025-05-15,${owner},Blocked: the branch firewall drops Exchange Online traffic.\n`;

let database: Database;
let deps: AppDeps;
let admin: Actor;
let ana: Actor;
let entitlementId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  const db = database.db;
  admin = await createUser(db, { role: "admin" });
  ana = await createUser(db, { role: "account_team", name: "Ana Lopez", email: "ana@x.test" });
  await createUser(db, { role: "account_team", name: "Olu Outside", email: "olu@x.test" });
  const tenant = await createTenant(db, { domain: "owners.example" });
  await assign(db, ana.id, { tenantId: tenant.id });
  entitlementId = (
    await createEntitlement(db, { tenantId: tenant.id, availableSeats: 100, stage: "delivery" })
  ).id;
});
afterAll(() => database.close());

describe("owners in the status CSV", () => {
  it("refuses a person not assigned to the tenant on the row's owner column", async () => {
    const report = await importStatuses(deps, {
      csvText: header + row("olu@x.test"),
      actor: admin,
      dryRun: true,
    });
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 2, field: "owner", code: "owner_not_assigned" }),
    ]);
  });

  it("stores an assigned person's email as that person, and the same file again is unchanged", async () => {
    const first = await importStatuses(deps, { csvText: header + row("ana@x.test"), actor: admin });
    expect(first).toMatchObject({ changed: 1, errors: [] });
    const [segment] = await database.db
      .select()
      .from(statusSegments)
      .where(eq(statusSegments.entitlementId, entitlementId));
    expect(segment).toMatchObject({ owner: "Ana Lopez", ownerUserId: ana.id, ownerTeam: null });
    const again = await importStatuses(deps, { csvText: header + row("ana@x.test"), actor: admin });
    expect(again).toMatchObject({ changed: 0, unchanged: 1 });
    const byName = await importStatuses(deps, { csvText: header + row("Ana Lopez"), actor: admin });
    expect(byName).toMatchObject({ changed: 0, unchanged: 1 });
    const history = await database.db
      .select()
      .from(statusHistory)
      .where(eq(statusHistory.entitlementId, entitlementId));
    expect(history).toHaveLength(1);
  });

  it("stores a role name as the team", async () => {
    await importStatuses(deps, { csvText: header + row("account team"), actor: admin });
    const [segment] = await database.db
      .select()
      .from(statusSegments)
      .where(eq(statusSegments.entitlementId, entitlementId));
    expect(segment).toMatchObject({ owner: "Account Team", ownerUserId: null, ownerTeam: "account_team" });
  });
});
