import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { changeEntitlements, deadEntitlementRows } from "../../../test/support/row-versions.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import type { AppDeps } from "../app-deps.ts";
import { seedDemo } from "../demo/seed-demo.ts";
import { vacuumPortfolio } from "./vacuum-portfolio.ts";

describe(vacuumPortfolio.name, () => {
  let database: Database;
  let deps: AppDeps;

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
    await seedDemo(deps, { tenants: 40, seed: 3, today: "2025-03-10" });
  });
  afterAll(() => database.close());

  /** Pages of entitlements, and those marked visible to all, as pg_class has them after the last ANALYZE. */
  const visibility = async () => {
    const { rows } = await database.execute(
      "select relpages::int as pages, relallvisible::int as visible from pg_class where relname = 'entitlements'",
    );
    return rows[0] as { pages: number; visible: number };
  };

  it("reclaims the row versions status changes leave behind and marks the pages visible to all again", async () => {
    // Each changed row leaves its old version behind, and its page is no longer visible to all.
    await changeEntitlements(database);
    await database.execute("analyze entitlements");
    const changed = await visibility();
    expect(changed.visible).toBeLessThan(changed.pages);

    await vacuumPortfolio(deps);
    expect(await deadEntitlementRows(database)).toBe(0);
    const vacuumed = await visibility();
    expect(vacuumed.visible).toBeGreaterThan(changed.visible);
    // PGlite left one page of 24 unmarked here, with no dead row left in it.
    expect(vacuumed.visible).toBeGreaterThanOrEqual(vacuumed.pages - 1);
  });

  it("says whether the database would have done it by itself", async () => {
    const report = await vacuumPortfolio(deps);
    if (database.kind === "pglite") expect(report.vacuumsByItself).toBe(false);
    else {
      const { rows } = await database.execute("select current_setting('autovacuum') as setting");
      expect(report.vacuumsByItself).toBe(rows[0]!.setting === "on");
    }
  });
});
