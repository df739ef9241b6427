import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntitlement, createTenant, type SegmentSeed } from "../../../test/factories/portfolio.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import { type Database, openDatabase } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { loadEntitlementViews, loadEntitlementViewsJson } from "../repositories/entitlement-repository.ts";
import {
  type EntitlementViewRow,
  entitlementViewColumns,
  entitlementViewJoins,
  viewOfRow,
} from "./entitlement-view-sql.ts";

const blocked: SegmentSeed = {
  seats: 300,
  l1: "blocked",
  scenarioId: "blocked_delivery",
  l2: "partner_engagement",
  engagementScenario: "customer_led",
  targetDate: "2025-06-30",
  owner: "Account Team",
  note: "Blocked: the partner has no engineer free; clears when one is assigned.",
  nextAction: "Escalate to the partner manager",
  nextActionDate: "2025-04-01",
  splitReason: "geography",
};
const inProgress: SegmentSeed = {
  seats: 700,
  l1: "in_progress",
  scenarioId: "in_progress_delivery",
  serviceStatus: "migrate",
  note: "Deploying; at wave two of four.",
  splitReason: "geography",
};

/** Forty entitlements over ten tenants: split ones, single-segment ones and ones with no status yet. */
async function createPortfolio(db: Database["db"]): Promise<void> {
  for (let tenant = 0; tenant < 10; tenant += 1) {
    const { id: tenantId } = await createTenant(db, { priority: tenant % 2 === 0 ? "high" : "low" });
    for (const [n, serviceId] of ["exchange", "teams", "sharepoint", "onedrive"].entries()) {
      const kind = (tenant + n) % 3;
      const segments =
        kind === 0
          ? [blocked, inProgress]
          : kind === 1
            ? [{ ...inProgress, seats: 1000, splitReason: null }]
            : [];
      await createEntitlement(db, { tenantId, serviceId, stage: "delivery", segments });
    }
  }
}

describe(loadEntitlementViewsJson.name, () => {
  let database: Database & { url?: string };
  let ids: string[];

  beforeAll(async () => {
    database = await openTestDatabase();
    await createPortfolio(database.db);
    // Usage for half the entitlements (three points, the middle one 0), one ended, one to re-split.
    await database.db.execute(sql`insert into usage_points (tenant_id, service_id, date, active_seats)
      select e.tenant_id, e.service_id, d.date, (extract(month from d.date)::int - 1) * 40
        from (select * from entitlements order by id limit 20) e,
             (values (date '2025-01-01'), (date '2025-02-01'), (date '2025-03-01')) as d(date)`);
    await database.db.execute(sql`update entitlements set ended_at = '2025-03-04T05:06:07.089Z'
      where id = (select min(id::text)::uuid from entitlements)`);
    await database.db.execute(sql`update entitlements set resplit_needed = true
      where id = (select max(id::text)::uuid from entitlements)`);
    ids = (
      await rowsOf<{ id: string }>(database.db, sql`select id::text as id from entitlements order by id`)
    ).map((row) => row.id);
  });
  afterAll(() => database.close());

  it("builds in the database exactly the views the export builds from columns, split segments included", async () => {
    const rows = await rowsOf<EntitlementViewRow>(
      database.db,
      sql`select ${entitlementViewColumns} from entitlements e ${entitlementViewJoins} order by e.id`,
    );
    const fromColumns = rows.map(viewOfRow);
    expect(fromColumns.some((view) => view.segments.length > 1)).toBe(true);
    expect(fromColumns.some((view) => view.blockedSeats > 0)).toBe(true);
    expect(fromColumns.filter((view) => view.usage !== null)).toHaveLength(20);
    expect(fromColumns.find((view) => view.usage)?.usage).toEqual({
      date: "2025-03-01",
      trend: [0, 40, 80],
      lastActiveDate: "2025-03-01",
    });
    expect(fromColumns[0]?.endedAt).toBe("2025-03-04T05:06:07.089Z");
    expect(fromColumns.filter((view) => view.resplitNeeded)).toHaveLength(1);
    expect(await loadEntitlementViews(database.db, ids)).toEqual(fromColumns);
  });

  it("keeps the order of the ids asked for and skips unknown and malformed ones", async () => {
    const picked = [ids[5]!, "00000000-0000-0000-0000-000000000000", ids[1]!, "not-a-uuid", ids[3]!];
    const views = await loadEntitlementViews(database.db, picked);
    expect(views.map((view) => view.id)).toEqual([ids[5], ids[1], ids[3]]);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "is planned once per connection, whatever the number of ids of the first pages",
    async () => {
      const oneConnection = await openDatabase({ url: database.url!, poolSize: 1 });
      try {
        for (const count of [1, 1, 2, 1, 3, 40, 1, 25]) {
          expect(await loadEntitlementViewsJson(oneConnection.db, ids.slice(0, count))).toHaveLength(count);
        }
        const { rows } = await oneConnection.execute(
          "select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where name like 'entitlement_views%'",
        );
        expect(rows).toEqual([{ generic: 3, custom: 5 }]);
      } finally {
        await oneConnection.close();
      }
    },
  );
});
