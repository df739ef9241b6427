import { type SQL, sql } from "drizzle-orm";
import type { TaxonomyMapRow } from "../../domain/playbook/taxonomy-map.ts";
import type { Db } from "../client.ts";
import { analyticRows } from "../infra/analytic-read.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { taxonomyMapSql } from "../sql/taxonomy-map-sql.ts";
import { tenantScopeCondition } from "../sql/tenant-scope-sql.ts";
import type { HistoryScope } from "./history-report-repository.ts";

/**
 * Reads of the history facts the history insert trigger keeps
 * (drizzle/0024_history_facts.sql, docs/HISTORY.md "Cost"): an as-of total
 * sums a year of day deltas instead of rebuilding a portfolio from JSON, and
 * dwell times read spell pieces instead of walking the history. Each answers
 * exactly what its rebuild from history answers (history-facts.test.ts).
 */

/** Rows appended since the last fold a reader tolerates, halved. */
const foldAfter = 20_000;

/**
 * Makes the facts current: rebuilt when a bulk insert left them stale (a
 * seed), folded when writers appended many rows. False when history was
 * written at or after `until` (a clock behind the data): the facts hold the
 * whole history, the caller then reads history itself.
 */
export async function ensureHistoryFacts(db: Db, until?: string): Promise<boolean> {
  const [state] = await rowsOf<{
    stale: boolean | null;
    months: boolean | null;
    appended: number;
    later: boolean;
  }>(
    db,
    sql`select (select stale from history_fact_state where name = 'facts') as stale,
          (select stale from history_fact_state where name = 'months') as months,
          -- The statistics' count of live rows: counting them would cost more than the read.
          (coalesce((select sum(n_live_tup) from pg_stat_user_tables
              where relname in ('blocked_day_cells', 'blocked_day_holders')), 0)
            - coalesce((select compacted_rows from history_fact_state where name = 'facts'), 0))::int as appended,
          ${until ? sql`coalesce((select max(at) >= ${until}::timestamptz from status_history), false)` : sql`false`}
            as later`,
  );
  if (!state || state.stale === null) return false;
  if (state.later) return false;
  try {
    if (state.stale) await db.execute(sql`select unblock_rebuild_history_facts()`);
    else if (state.appended > foldAfter * 2) await db.execute(sql`select unblock_compact_history_facts()`);
    if (!state.stale && state.months !== false) await db.execute(sql`select unblock_build_month_facts()`);
  } catch {
    // A read-only replica cannot rebuild: its history answers. Unfolded rows only cost time.
    return !state.stale;
  }
  return true;
}

/** Blocked seats, tenants and segments per today's L2 and service at the end of a day. */
export interface L2ServiceTotal {
  l2: string | null;
  serviceId: string;
  seats: number;
  tenants: number;
  segments: number;
}

/** Today's L2 of a written Blocked (version, L2, L3, service), as taxonomy-map-sql reads history. */
function currentL2(map: readonly TaxonomyMapRow[], version: SQL, l2: SQL, l3: SQL, serviceId: SQL) {
  return taxonomyMapSql(map, { version, l1: sql`'blocked'`, l2, l3, serviceId });
}

/**
 * Blocked by L2 and service for the whole portfolio (or one service) as it
 * stood at `at` (the end of a UTC day): the month checkpoint and the day
 * deltas since, up to that day, less
 * the status then of the entitlements a feed had ended by `at` (history does
 * not record an ending; reports leave ended ones out). Deltas are kept in the
 * written taxonomy and read in today's; an entitlement counts once per L2
 * however many of its written L2/L3 pairs map to it.
 */
export function blockedByL2ServiceFromFacts(
  db: Db,
  scope: { at: string; serviceId: string | null; taxonomyMap: readonly TaxonomyMapRow[] },
): Promise<L2ServiceTotal[]> {
  const day = sql`(${scope.at}::timestamptz at time zone 'UTC')::date`;
  const service = (column: SQL) => (scope.serviceId ? sql`and ${column} = ${scope.serviceId}` : sql``);
  const cellL2 = currentL2(scope.taxonomyMap, sql`c.version`, sql`c.l2`, sql`c.l3`, sql`c.service_id`);
  const pairL2 = currentL2(
    scope.taxonomyMap,
    sql`h.version`,
    sql`(p.pair->>0)`,
    sql`(p.pair->>1)`,
    sql`h.service_id`,
  );
  return analyticRows(
    db,
    sql`with ${cellL2.cte},
        checkpoint as (
          -- The latest month checkpoint at or before the day, unless a row written into the past made them stale.
          select max(month) as month from blocked_month_cells
          where month <= ${day} and (select stale from history_fact_state where name = 'months') = false
        ),
        ended as (
          select e.service_id, lh.playbook_version as version, lh.after
          from entitlements e
          join lateral (select h.playbook_version, h.after from status_history h
            where h.entitlement_id = e.id and h.at < ${scope.at}::timestamptz
            order by h.at desc, h.id desc limit 1) lh on true
          where e.ended_at is not null and e.ended_at < ${scope.at}::timestamptz ${service(sql`e.service_id`)}
        ),
        cells as (
          select service_id, version, l2, l3, sum(seats) as seats, sum(segments) as segments from (
            select service_id, version, l2, l3, seats, segments from blocked_month_cells
              where month = (select month from checkpoint) ${service(sql`service_id`)}
            union all
            select service_id, version, l2, l3, seats, segments from blocked_day_cells
              where day < ${day} and day >= (select coalesce(month, '-infinity') from checkpoint)
                ${service(sql`service_id`)}
            union all
            select x.service_id, x.version, g->>'l2', g->>'l3', -(g->>'seats')::int, -1
              from ended x cross join lateral jsonb_array_elements(x.after->'segments') g
              where g->>'l1' = 'blocked'
          ) d group by 1, 2, 3, 4 having sum(segments) <> 0 or sum(seats) <> 0
        ),
        holders as (
          select service_id, version, pairs, sum(holders) as holders from (
            select service_id, version, pairs, holders from blocked_month_holders
              where month = (select month from checkpoint) ${service(sql`service_id`)}
            union all
            select service_id, version, pairs, holders from blocked_day_holders
              where day < ${day} and day >= (select coalesce(month, '-infinity') from checkpoint)
                ${service(sql`service_id`)}
            union all
            select x.service_id, x.version, unblock_blocked_pairs(x.after), -1 from ended x
              where unblock_blocked_pairs(x.after) is not null
          ) d group by 1, 2, 3 having sum(holders) <> 0
        ),
        mapped_cells as (
          select c.service_id, ${cellL2.l2} as l2, sum(c.seats) as seats, sum(c.segments) as segments
          from cells c ${cellL2.join}
          group by 1, 2
        ),
        mapped_holders as (
          select m.service_id, m.l2, sum(m.holders) as tenants from (
            select distinct h.service_id, h.version, h.pairs, h.holders, ${pairL2.l2} as l2
            from holders h cross join lateral jsonb_array_elements(h.pairs) p(pair) ${pairL2.join}
          ) m group by 1, 2
        )
        select c.l2 as "l2", c.service_id as "serviceId", c.seats::int as "seats",
          coalesce(h.tenants, 0)::int as "tenants", c.segments::int as "segments"
        from mapped_cells c
        left join mapped_holders h on h.service_id = c.service_id and h.l2 is not distinct from c.l2
        where c.segments > 0
        order by c.seats desc, c.l2, c.service_id`,
  );
}

/** One tally of a dwell group (docs/HISTORY.md "Dwell times"), or a count of distinct tenants. */
export interface DwellTallyRow {
  /** The group: an L2, a service, or "l2/l3" (empty for none); null for the whole scope's cohort tenants. */
  key: string | null;
  l2: string | null;
  l3: string | null;
  serviceId: string | null;
  kind: "open" | "unblocked" | "cohort" | "tenants" | "cohortTenants";
  days: number | null;
  ended: boolean | null;
  seats: number;
}

/**
 * Dwell tallies over the window `from`..`to` (UTC days; `until` the end of
 * `to`, at or after the last history row) from the spell pieces: seats by
 * duration of the pieces still Blocked, unblocked within the window and
 * started within it, and distinct tenants per group and in the cohort.
 * Entitlements a feed ended before `until` are left out, as in every report.
 */
export function dwellTalliesFromFacts(
  db: Db,
  scope: HistoryScope & { until: string },
  window: { from: string; to: string },
  by: "l2" | "l3" | "service",
  taxonomyMap: readonly TaxonomyMapRow[] = [],
): Promise<DwellTallyRow[]> {
  const conditions: SQL[] = [
    sql`(p.ended_on is null or p.ended_on >= ${window.from}::date or p.since >= ${window.from}::date)`,
    sql`p.entitlement_id not in (select ee.id from entitlements ee
      where ee.ended_at is not null and ee.ended_at < ${scope.until}::timestamptz)`,
  ];
  if (scope.serviceId) conditions.push(sql`p.service_id = ${scope.serviceId}`);
  const inScope: SQL[] = [];
  if (scope.customerId) inScope.push(sql`t.customer_id = ${scope.customerId}::uuid`);
  // A missing scope reads as "no tenant" (tenantScopeCondition gives `false`), never as every tenant.
  const visible = tenantScopeCondition(scope.visibleTo, { id: sql`t.id`, customerId: sql`t.customer_id` });
  if (visible) inScope.push(visible);
  // The scope's tenants first, then their pieces by index: a person's few thousand, not every piece.
  if (inScope.length > 0) {
    conditions.push(sql`p.tenant_id in (select t.id from tenants t where ${sql.join(inScope, sql` and `)})`);
  }
  // Each piece's L2 and L3 in today's taxonomy, by the version of its spell's last row.
  const now = currentL2(taxonomyMap, sql`p.version`, sql`p.l2`, sql`p.l3`, sql`p.service_id`);
  const groupColumns =
    by === "service"
      ? sql`p.service_id as key, null::text as l2, null::text as l3, p.service_id as "serviceId"`
      : by === "l3"
        ? sql`coalesce(${now.l2}, '') || '/' || coalesce(${now.l3}, '') as key, ${now.l2} as l2, ${now.l3} as l3,
            null::text as "serviceId"`
        : sql`${now.l2} as key, ${now.l2} as l2, null::text as l3, null::text as "serviceId"`;
  const to = sql`${window.to}::date`;
  const group = sql`key, l2, l3, "serviceId"`;
  return analyticRows(
    db,
    sql`with ${now.cte}, relevant as materialized (
          select ${groupColumns}, p.tenant_id, p.seats, p.ended_on is null as open,
            ${to} - p.since as open_days, p.ended_on - p.since as unblocked_days,
            coalesce(p.ended_on, ${to}) - p.since as cohort_days, p.ended_on is not null as ended,
            p.ended_on >= ${window.from}::date and p.ended_on <= ${to} as unblocked,
            p.since >= ${window.from}::date and p.since <= ${to} as cohort
          from blocked_spell_pieces p ${by === "service" ? sql`` : now.join}
          where ${sql.join(conditions, sql` and `)}
        )
        select ${group}, 'open' as kind, open_days as days, null::boolean as ended, sum(seats)::int as seats
          from relevant where open group by ${group}, open_days
        union all
        select ${group}, 'unblocked', unblocked_days, null, sum(seats)::int
          from relevant where unblocked group by ${group}, unblocked_days
        union all
        select ${group}, 'cohort', cohort_days, ended, sum(seats)::int
          from relevant where cohort group by ${group}, cohort_days, ended
        union all
        select ${group}, 'tenants', null, null, count(distinct tenant_id)::int from relevant group by ${group}
        union all
        select null, null, null, null, 'cohortTenants', null, null, count(distinct tenant_id)::int
          from relevant where cohort`,
  );
}
