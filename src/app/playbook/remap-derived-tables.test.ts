import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockedSegment as blocked, recordStatus } from "../../../test/factories/history-factory.ts";
import {
  createEntitlement,
  createTenant,
  createUser,
  putSegments,
} from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { defaultPlaybookPath, writeServiceHealthRename } from "../../../test/support/default-playbook.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { rowsOf } from "../../db/infra/raw-rows.ts";
import type { AppDeps } from "../app-deps.ts";
import { applyPlaybook } from "./apply-playbook.ts";
import { clearPlaybookCache, loadPlaybook } from "./load-playbook.ts";
import { recordPlaybookAtStart } from "./record-playbook-at-start.ts";

/**
 * A remap keeps every table derived from statuses and history exactly as a
 * full rebuild makes it (docs/PLAYBOOK-VERSIONS.md): it records its history
 * facts itself (src/db/sql/remap-facts-sql.ts), set-based from the row before
 * each remapped one, and sends the entitlements where that is not certain
 * through the trigger's function. The fixture has both kinds: one Blocked
 * spell, two spells on different days, a split whose largest reason stays, an
 * ended entitlement, and a partial unblock, two spells on one day, a row dated
 * after the remap, and segments changed without a history row. Batches of 2.
 */
const folder = mkdtempSync(join(tmpdir(), "unblock-remap-derived-"));
const renamedPath = writeServiceHealthRename(folder);

let database: TestDatabase;
let deps: AppDeps & { setNow(date: Date): void };

const reliability = "service_reliability";
const v1 = { playbookVersion: "1.0.0" };

beforeAll(async () => {
  database = await openTestDatabase();
  clearPlaybookCache();
  deps = await makeTestDeps(database);
  const startedOn = loadPlaybook(defaultPlaybookPath);
  deps.playbook = { index: startedOn.index, path: startedOn.path, sha256: startedOn.sha256 };
  await recordPlaybookAtStart(deps, startedOn);
  await recordHistory();
  // The starting point is what a rebuild makes, so the comparison below judges the remap alone.
  await rebuildAll();
});
afterAll(async () => {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

async function recordHistory() {
  const db = database.db;
  const t1 = (await createTenant(db)).id;
  const t2 = (await createTenant(db)).id;
  const made = async (tenantId: string, serviceId: string) =>
    (await createEntitlement(db, { tenantId, serviceId })).id;
  const [one, two, split, ended, partial, sameDay, later, unrecorded, other] = [
    await made(t1, "exchange"),
    await made(t1, "teams"),
    await made(t1, "sharepoint"),
    await made(t2, "exchange"),
    await made(t2, "teams"),
    await made(t2, "sharepoint"),
    await made(t2, "onedrive"),
    await made(t1, "onedrive"),
    await made(t1, "intune"),
  ];
  await recordStatus(db, one!, "2025-01-05T09:00:00.000Z", [blocked(40, reliability, { l3: "other" })], v1);
  await recordStatus(db, two!, "2025-01-03T09:00:00.000Z", [blocked(10, reliability)], v1);
  await recordStatus(
    db,
    two!,
    "2025-01-25T09:00:00.000Z",
    [blocked(10, reliability), blocked(5, reliability)],
    v1,
  );
  await recordStatus(
    db,
    split!,
    "2025-01-20T09:00:00.000Z",
    [blocked(10, "legal_regulatory"), blocked(5, reliability)],
    v1,
  );
  await recordStatus(db, ended!, "2025-01-07T09:00:00.000Z", [blocked(20, reliability)], v1);
  await db.execute(sql`update entitlements set ended_at = '2025-02-10T06:00:00Z' where id = ${ended}::uuid`);
  await recordStatus(db, partial!, "2025-01-10T09:00:00.000Z", [blocked(30, reliability)], v1);
  await recordStatus(
    db,
    partial!,
    "2025-02-01T09:00:00.000Z",
    [blocked(20, reliability), { seats: 10, l1: "in_progress" }],
    v1,
  );
  await recordStatus(db, sameDay!, "2025-02-10T08:00:00.000Z", [blocked(12, reliability)], v1);
  await recordStatus(db, sameDay!, "2025-02-10T10:00:00.000Z", [{ seats: 12, l1: "in_progress" }], v1);
  await recordStatus(db, sameDay!, "2025-02-10T12:00:00.000Z", [blocked(12, reliability)], v1);
  await recordStatus(db, later!, "2025-01-12T09:00:00.000Z", [blocked(8, reliability)], v1);
  await recordStatus(db, later!, "2025-02-27T09:00:00.000Z", [blocked(9, reliability)], v1);
  await recordStatus(db, unrecorded!, "2025-01-15T09:00:00.000Z", [blocked(25, reliability)], v1);
  await db.execute(sql`delete from status_segments where entitlement_id = ${unrecorded}::uuid`);
  await putSegments(db, unrecorded!, [blocked(35, reliability)]);
  await recordStatus(db, other!, "2025-01-15T09:00:00.000Z", [blocked(7, "legal_regulatory")], v1);
}

/** Every derived table from scratch: facts, months and dwell tallies, report cells, weeks, summaries. */
async function rebuildAll() {
  const db = database.db;
  await db.execute(sql`select unblock_rebuild_history_facts()`);
  await db.execute(
    sql`select unblock_rebuild_report_cells((select as_of from report_state where name = 'aging'), false)`,
  );
  await db.execute(sql`select unblock_rebuild_blocked_weeks()`);
  await db.execute(sql`select unblock_summarise_entitlements(array(select id from entitlements))`);
}

/** Each derived table's contents as its readers take them: appended deltas summed per key, zeros left out. */
const derivedQueries = {
  dayCells: sql`select day::text, service_id, version, l2, l3, sum(seats)::int as seats, sum(segments)::int as segments
    from blocked_day_cells group by 1, 2, 3, 4, 5 having sum(seats) <> 0 or sum(segments) <> 0 order by 1, 2, 3, 4, 5`,
  dayHolders: sql`select day::text, service_id, version, pairs::text, sum(holders)::int as holders
    from blocked_day_holders group by 1, 2, 3, 4 having sum(holders) <> 0 order by 1, 2, 3, 4`,
  monthCells: sql`select month::text, service_id, version, l2, l3, sum(seats)::int as seats, sum(segments)::int as segments
    from blocked_month_cells group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  monthHolders: sql`select month::text, service_id, version, pairs::text, sum(holders)::int as holders
    from blocked_month_holders group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  pieces: sql`select entitlement_id::text, tenant_id::text, service_id, l2, l3, since::text, ended_on::text, version,
      sum(seats)::int as seats
    from blocked_spell_pieces group by 1, 2, 3, 4, 5, 6, 7, 8 order by 1, 2, 3, 4, 5, 6, 7, 8`,
  dwellSeats: sql`select version, l2, l3, since::text, ended_on::text, sum(seats)::int as seats
    from blocked_dwell_seats group by 1, 2, 3, 4, 5 having sum(seats) <> 0 order by 1, 2, 3, 4, 5`,
  dwellServiceSeats: sql`select service_id, since::text, ended_on::text, sum(seats)::int as seats
    from blocked_dwell_service_seats group by 1, 2, 3 having sum(seats) <> 0 order by 1, 2, 3`,
  dwellTenantDays: sql`select tenant_id::text, level, l2, l3, service_id, last_day::text
    from blocked_dwell_tenant_days order by 1, 2, 3, 4, 5, 6`,
  dwellTenantCounts: sql`select level, l2, l3, service_id, last_day::text, sum(tenants)::int as tenants
    from blocked_dwell_tenant_counts group by 1, 2, 3, 4, 5 having sum(tenants) <> 0 order by 1, 2, 3, 4, 5`,
  reportCells: sql`select report, service_id, k1, k2, sum(seats)::int as seats, sum(segments)::int as segments,
      sum(tenants)::int as tenants
    from (select report, service_id, k1, k2, seats, segments, tenants from report_cells
          union all select report, service_id, k1, k2, seats, segments, tenants from report_cell_deltas) c
    group by 1, 2, 3, 4 having sum(seats) <> 0 or sum(segments) <> 0 or sum(tenants) <> 0 order by 1, 2, 3, 4`,
  reportCellTenants: sql`select report, service_id, k1, k2, tenant_id::text, segments from report_cell_tenants
    where segments <> 0 order by 1, 2, 3, 4, 5`,
  weeks: sql`select week_start::text, service_id, sum(seats)::int as seats, sum(tenants)::int as tenants
    from (select week_start, service_id, seats, tenants from blocked_weeks
          union all select week_start, service_id, seats, tenants from blocked_week_deltas) w
    group by 1, 2 having sum(seats) <> 0 or sum(tenants) <> 0 order by 1, 2`,
  historyLatest: sql`select entitlement_id::text, tenant_id::text, service_id, at::text, history_id::text, blocked
    from history_latest order by 1`,
  tenantBlocked: sql`select tenant_id::text, blocked::int from history_tenant_blocked where blocked <> 0 order by 1`,
  summaries: sql`select id::text, blocked_seats, earliest_target_date::text, earliest_next_action_date::text,
      array(select unnest(blocked_keys) order by 1) as keys
    from entitlements order by 1`,
};

async function derivedTables(): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const [name, query] of Object.entries(derivedQueries)) tables[name] = await rowsOf(database.db, query);
  return tables;
}

describe("a remap's derived tables", () => {
  it("equal a full rebuild's after the apply", async () => {
    deps.setNow(new Date("2025-02-20T08:00:00.000Z"));
    const admin = await createUser(database.db, { role: "admin" });
    const applied = await applyPlaybook(
      deps,
      { actor: admin, source: "cli" },
      { candidate: { path: renamedPath }, hooks: { batchSize: 2 } },
    );
    expect(applied).toMatchObject({ applied: true, version: { remappedStatuses: 8 } });
    // Kept, not left stale for the next reader to rebuild. (The weekly totals are: a row dated after
    // the remap's makes the weeks trigger leave them to their next reader, as for any write.)
    const state = await rowsOf<{ name: string; stale: boolean }>(
      database.db,
      sql`select name, stale from history_fact_state where name in ('facts', 'months')
          union all select name, stale from report_state where name in ('cells', 'weeks') order by 1`,
    );
    expect(state.filter((row) => row.stale)).toEqual([{ name: "weeks", stale: true }]);
    // What the next readers do first: count the queued tenants again, rebuild the weeks.
    await database.db.execute(sql`select unblock_refresh_dwell_tenants()`);
    await database.db.execute(sql`select unblock_rebuild_blocked_weeks()`);
    const kept = await derivedTables();
    expect(kept.pieces!.some((row) => (row as { l2: string }).l2 === "service_health")).toBe(true);
    await rebuildAll();
    expect(kept).toEqual(await derivedTables());
  });
});
