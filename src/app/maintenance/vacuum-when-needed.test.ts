import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { changeEntitlements, deadEntitlementRows } from "../../../test/support/row-versions.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import type { AppDeps } from "../app-deps.ts";
import { seedDemo } from "../demo/seed-demo.ts";
import { startVacuumRounds } from "./vacuum-rounds.ts";
import { vacuumWhenNeeded } from "./vacuum-when-needed.ts";

describe(vacuumWhenNeeded.name, () => {
  let database: Database;
  let deps: AppDeps;

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
    await seedDemo(deps, { tenants: 30, seed: 4, today: "2025-03-10" });
    await database.execute("vacuum");
  });
  afterAll(() => database.close());

  it("leaves the tables alone while their dead rows are few", async () => {
    await changeEntitlements(database, 5);
    expect(await deadEntitlementRows(database)).toBeGreaterThan(0);
    expect(await vacuumWhenNeeded(deps)).toBeNull();
    expect(await deadEntitlementRows(database)).toBeGreaterThan(0);
  });

  it("vacuums the tables past the threshold, and only those", async () => {
    await changeEntitlements(database, 200);
    const before = await deadEntitlementRows(database);
    expect(before).toBeGreaterThanOrEqual(200);
    const round = await vacuumWhenNeeded(deps, { share: 0.1, atLeast: before });
    expect(round?.tables).toEqual(["entitlements"]);
    expect(await deadEntitlementRows(database)).toBe(0);
  });
});

describe(startVacuumRounds.name, () => {
  let database: Database;
  let deps: AppDeps;

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
    await seedDemo(deps, { tenants: 100, seed: 4, today: "2025-03-10" });
  });
  afterAll(() => database.close());

  it("vacuums on its own once enough rows have changed, and stops when asked", async () => {
    // Every entitlement (about 1,400) changed twice: more dead versions than live ones, past the threshold.
    await changeEntitlements(database);
    await changeEntitlements(database);
    const logged: { message: string; object: object }[] = [];
    const log = {
      info: (object: object, message: string) => logged.push({ message, object }),
      warn: (object: object, message: string) => logged.push({ message, object }),
    };
    const stop = startVacuumRounds(deps, log, 20);
    try {
      await expect.poll(() => logged.length, { timeout: 10_000, interval: 20 }).toBeGreaterThan(0);
    } finally {
      stop();
    }
    expect(logged[0]!.message).toBe("vacuumed the tables status changes had left dead rows in");
    expect((logged[0]!.object as { tables: string[] }).tables).toContain("entitlements");
    expect(await deadEntitlementRows(database)).toBe(0);
  });
});
