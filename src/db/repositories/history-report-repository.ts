import { type SQL, sql } from "drizzle-orm";
import type { TaxonomyMapRow } from "../../domain/playbook/taxonomy-map.ts";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { StoredSegment } from "../../http/schemas/entitlements.ts";
import type { Db } from "../client.ts";
import { analyticRows } from "../infra/analytic-read.ts";
import { segmentsAsOf } from "../sql/as-of-sql.ts";
import { blockedL1 } from "../sql/entitlement-view.ts";
import { type TaxonomyMapSql, taxonomyMapSql } from "../sql/taxonomy-map-sql.ts";
import { tenantScopeCondition } from "../sql/tenant-scope-sql.ts";

/**
 * Reports over the status history itself (docs/HISTORY.md): Blocked spells
 * for dwell times, what changed between two instants, the L1 flow and Blocked
 * seats per L2 week by week. Instants are ISO timestamps (the end of a UTC day).
 */
export interface HistoryScope {
  serviceId: string | null;
  customerId: string | null;
  /** Only tenants within this scope (the actor's); absent (a caller's mistake) means none. */
  visibleTo: TenantScope;
}

/** Conditions on `e` (entitlements) and `t` (tenants) for a scope. */
function scopeConditions(scope: HistoryScope): SQL[] {
  const conditions: SQL[] = [];
  if (scope.serviceId) conditions.push(sql`e.service_id = ${scope.serviceId}`);
  if (scope.customerId) conditions.push(sql`t.customer_id = ${scope.customerId}::uuid`);
  const visible = tenantScopeCondition(scope.visibleTo, { id: sql`t.id`, customerId: sql`t.customer_id` });
  // A missing scope reads as "no tenant" (tenantScopeCondition gives `false`), never as every tenant.
  if (visible) conditions.push(visible);
  return conditions;
}

const whereAll = (conditions: SQL[]) =>
  conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;

/** Some seats of a Blocked spell as stored: the domain's BlockedPiece with what it is grouped by. */
export interface BlockedPieceRow {
  tenantId: string;
  serviceId: string;
  l2: string | null;
  l3: string | null;
  since: string;
  endedOn: string | null;
  seats: number;
}

/**
 * Blocked spells up to `until`, as pieces: a spell is the seats of one
 * entitlement that entered Blocked at one moment (their segments' l1Since,
 * which edits keeping the L1 keep). Walking each entitlement's history in
 * order, seats of a spell missing from the next row left Blocked then (a
 * drop in its seats is that many leaving); the last row's seats are still
 * Blocked. A spell carries the L2 and L3 of its last row (the reason as last
 * recorded; when one moment's seats were split over reasons, the biggest).
 * Entitlements a full feed had ended by `until` are left out, as in every report.
 */
export function blockedPieces(
  db: Db,
  scope: HistoryScope,
  until: string,
  taxonomyMap: readonly TaxonomyMapRow[] = [],
): Promise<BlockedPieceRow[]> {
  const conditions = [
    sql`h.at < ${until}::timestamptz`,
    sql`(e.ended_at is null or e.ended_at >= ${until}::timestamptz)`,
    sql`g.seg->>'l1' = ${blockedL1}`,
    ...scopeConditions(scope),
  ];
  // A spell's L2 and L3 in today's taxonomy, by the version of its last row.
  const now = taxonomyMapSql(taxonomyMap, {
    version: sql`p.version`,
    l1: sql`${blockedL1}`,
    l2: sql`p.l2`,
    l3: sql`p.l3`,
    serviceId: sql`p.service_id`,
  });
  // Only rows holding Blocked seats are expanded and sorted; a spell's exit is the next row that
  // no longer holds it, or (after its last row) the entitlement's next row, found by index.
  return analyticRows(
    db,
    sql`with ${now.cte}, observed as (
          select h.id, h.entitlement_id, h.at, h.playbook_version as version, e.tenant_id, e.service_id,
            g.seg->>'l1Since' as since,
            sum((g.seg->>'seats')::int) as seats,
            (array_agg(g.seg->>'l2' order by (g.seg->>'seats')::int desc))[1] as l2,
            (array_agg(g.seg->>'l3' order by (g.seg->>'seats')::int desc))[1] as l3
          from status_history h
          join entitlements e on e.id = h.entitlement_id
          join tenants t on t.id = e.tenant_id
          cross join lateral jsonb_array_elements(h.after->'segments') g(seg)
          ${whereAll(conditions)}
          group by h.id, h.playbook_version, e.tenant_id, e.service_id, g.seg->>'l1Since'
        ),
        spells as (
          select o.*, lead(o.at) over s as seen_at, lead(o.seats) over s as seen_seats,
            last_value(o.l2) over (s rows between unbounded preceding and unbounded following) as last_l2,
            last_value(o.l3) over (s rows between unbounded preceding and unbounded following) as last_l3,
            last_value(o.version) over (s rows between unbounded preceding and unbounded following) as last_version
          from observed o
          window s as (partition by o.entitlement_id, o.since order by o.at, o.id)
        ),
        pieces as (
          select sp.tenant_id, sp.service_id, sp.last_l2 as l2, sp.last_l3 as l3, sp.last_version as version, sp.since,
            coalesce(sp.seen_at, exit.at) as ended_at,
            case when sp.seen_at is null then sp.seats else sp.seats - sp.seen_seats end as seats
          from spells sp
          left join lateral (select n.at from status_history n
            where sp.seen_at is null and n.entitlement_id = sp.entitlement_id and (n.at, n.id) > (sp.at, sp.id)
              and n.at < ${until}::timestamptz
            order by n.at, n.id limit 1) exit on true
          where sp.seen_at is null or sp.seen_seats < sp.seats
        )
        select p.tenant_id::text as "tenantId", p.service_id as "serviceId", ${now.l2} as l2, ${now.l3} as l3,
          ((p.since::timestamptz) at time zone 'UTC')::date::text as since,
          ((p.ended_at at time zone 'UTC')::date)::text as "endedOn", sum(p.seats)::int as seats
        from pieces p ${now.join}
        group by 1, 2, 3, 4, 5, 6`,
  );
}

/** The part of a segment seat moves read. */
export type MovedSegmentRow = Pick<StoredSegment, "seats" | "l1" | "l2" | "targetDate" | "owner">;

/** One entitlement's status at two instants; `before` null: it had no recorded status yet. */
export interface StatusPairRow {
  entitlementId: string;
  tenantId: string;
  tenantName: string;
  customerId: string;
  customerName: string;
  serviceId: string;
  before: { segments: MovedSegmentRow[] } | null;
  after: { segments: MovedSegmentRow[] };
}

/**
 * A snapshot cut to what seat moves read (seats, L1, L2, target date, owner
 * of each segment), as JSON text: a month of changes at 10,000 tenants is
 * tens of thousands of rows, and their notes are most of their size. With a
 * taxonomy map (`current`, over `g.seg`) the L2 is today's.
 */
function compactSnapshot(snapshot: SQL, current: TaxonomyMapSql | null): SQL {
  const l2 = current ? sql`to_jsonb(${current.l2})` : sql`g.seg->'l2'`;
  return sql`case when ${snapshot} is null then null else jsonb_build_object('segments', coalesce((
      select jsonb_agg(jsonb_build_object('seats', g.seg->'seats', 'l1', g.seg->'l1', 'l2', ${l2},
        'targetDate', g.seg->'targetDate', 'owner', g.seg->'owner'))
      from jsonb_array_elements(${snapshot}->'segments') g(seg) ${current ? current.join : sql``}), '[]'::jsonb))::text end`;
}

/** The map read over the segments `g.seg` of history row `row` (its playbook version), or null without one. */
function mapOver(taxonomyMap: readonly TaxonomyMapRow[], row: "h" | "hb"): TaxonomyMapSql | null {
  if (taxonomyMap.length === 0) return null;
  return taxonomyMapSql(taxonomyMap, {
    version: sql.raw(`${row}.playbook_version`),
    l1: sql`(g.seg->>'l1')`,
    l2: sql`(g.seg->>'l2')`,
    l3: sql`(g.seg->>'l3')`,
    serviceId: sql`e.service_id`,
  });
}

/**
 * The entitlements whose status was written between `from` (inclusive) and
 * `to` (exclusive), with their status at each: only these can have changed.
 * Read from the history's index on its time, so a month's changes cost what
 * the month holds, not the whole history. With a taxonomy map
 * (docs/PLAYBOOK-VERSIONS.md) both statuses read in today's L2s, each by the
 * playbook version it was written under, so a renamed L2 is no move.
 */
export async function changedBetween(
  db: Db,
  scope: HistoryScope,
  window: { from: string; to: string },
  taxonomyMap: readonly TaxonomyMapRow[] = [],
): Promise<StatusPairRow[]> {
  const before = mapOver(taxonomyMap, "hb");
  const after = mapOver(taxonomyMap, "h");
  const rows = await analyticRows<
    Omit<StatusPairRow, "before" | "after"> & { before: string | null; after: string }
  >(
    db,
    sql`with ${after ? sql`${after.cte}, ` : sql``}changed as (
          select distinct ch.entitlement_id from status_history ch
          where ch.at >= ${window.from}::timestamptz and ch.at < ${window.to}::timestamptz
        )
        select e.id::text as "entitlementId", t.id::text as "tenantId", t.name as "tenantName",
          c.id::text as "customerId", c.name as "customerName", e.service_id as "serviceId",
          ${compactSnapshot(sql`hb.after`, before)} as before, ${compactSnapshot(sql`h.after`, after)} as after
        from changed x
        join entitlements e on e.id = x.entitlement_id
        join tenants t on t.id = e.tenant_id
        join customers c on c.id = t.customer_id
        join lateral (select lh.after, lh.playbook_version from status_history lh
          where lh.entitlement_id = e.id and lh.at < ${window.to}::timestamptz
          order by lh.at desc, lh.id desc limit 1) h on true
        left join lateral (select bh.after, bh.playbook_version from status_history bh
          where bh.entitlement_id = e.id and bh.at < ${window.from}::timestamptz
          order by bh.at desc, bh.id desc limit 1) hb on true
        ${whereAll(scopeConditions(scope))}
        order by c.name, t.name, e.service_id`,
  );
  return rows.map((row) => ({
    ...row,
    before: row.before === null ? null : (JSON.parse(row.before) as StatusPairRow["before"]),
    after: JSON.parse(row.after) as StatusPairRow["after"],
  }));
}

/** Seats per L1 and tenant that stood still: entitlements with a status at `from` and no change until `to`. */
export function unchangedSeats(
  db: Db,
  scope: HistoryScope,
  window: { from: string; to: string },
): Promise<{ l1: string; tenantId: string; seats: number }[]> {
  const conditions = [
    sql`not exists (select 1 from status_history x where x.entitlement_id = e.id
      and x.at >= ${window.from}::timestamptz and x.at < ${window.to}::timestamptz)`,
    sql`exists (select 1 from status_history x where x.entitlement_id = e.id and x.at < ${window.from}::timestamptz)`,
    ...scopeConditions(scope),
  ];
  return analyticRows(
    db,
    sql`select s.l1 as l1, e.tenant_id::text as "tenantId", sum(s.seats)::int as seats
        from ${segmentsAsOf(window.from)}
        join entitlements e on e.id = s.entitlement_id
        join tenants t on t.id = e.tenant_id
        ${whereAll(conditions)}
        group by s.l1, e.tenant_id`,
  );
}

/** Blocked seats and distinct tenants per L2 at the end of one week. */
export interface L2WeekRow {
  weekStart: string;
  l2: string | null;
  seats: number;
  tenants: number;
}

/**
 * Blocked seats per L2 at the end of each week (Monday to Sunday, UTC) from
 * the week holding `from` to the one holding `to`: each history row's Blocked
 * seats count for the weeks that end after it was written and before the
 * entitlement's next row. Like the all-L2 line, an entitlement counts from its
 * first recorded status. With a taxonomy map (docs/PLAYBOOK-VERSIONS.md) each
 * row's L2 is read as today's, so a renamed L2 is one line across the rename.
 */
export function blockedByL2Weekly(
  db: Db,
  scope: HistoryScope,
  window: { from: string; to: string },
  taxonomyMap: readonly TaxonomyMapRow[] = [],
): Promise<L2WeekRow[]> {
  const current = taxonomyMapSql(taxonomyMap, {
    version: sql`h.playbook_version`,
    l1: sql`(g.seg->>'l1')`,
    l2: sql`(g.seg->>'l2')`,
    l3: sql`(g.seg->>'l3')`,
    serviceId: sql`e.service_id`,
  });
  const firstEnd = sql`((date_trunc('week', ${window.from}::date)::date + 7)::timestamp at time zone 'UTC')`;
  const lastEnd = sql`((date_trunc('week', ${window.to}::date)::date + 7)::timestamp at time zone 'UTC')`;
  const conditions = [sql`h.at < ${lastEnd}`, sql`g.seg->>'l1' = ${blockedL1}`, ...scopeConditions(scope)];
  return analyticRows(
    db,
    sql`with weeks as (
          select generate_series(date_trunc('week', ${window.from}::date)::date,
            date_trunc('week', ${window.to}::date)::date, interval '7 days')::date as week_start
        ),
        ${current.cte},
        blocked as (
          select h.id, h.entitlement_id, h.at, e.tenant_id, ${current.l2} as l2,
            sum((g.seg->>'seats')::int) as seats
          from status_history h
          join entitlements e on e.id = h.entitlement_id
          join tenants t on t.id = e.tenant_id
          cross join lateral jsonb_array_elements(h.after->'segments') g(seg)
          ${current.join}
          ${whereAll(conditions)}
          group by h.id, e.tenant_id, ${current.l2}
        ),
        spans as (
          select b.tenant_id, b.l2, b.seats, b.at, next.at as next_at
          from blocked b
          left join lateral (select n.at from status_history n
            where n.entitlement_id = b.entitlement_id and (n.at, n.id) > (b.at, b.id)
            order by n.at, n.id limit 1) next on true
        )
        select to_char(w.week_start, 'YYYY-MM-DD') as "weekStart", sp.l2 as l2, sum(sp.seats)::int as seats,
          count(distinct sp.tenant_id)::int as tenants
        from weeks w
        join spans sp on sp.at < ((w.week_start + 7)::timestamp at time zone 'UTC')
          and (sp.next_at is null or sp.next_at >= ((w.week_start + 7)::timestamp at time zone 'UTC'))
        where sp.next_at is null or sp.next_at >= ${firstEnd}
        group by w.week_start, sp.l2
        having sum(sp.seats) > 0
        order by w.week_start, sp.l2 nulls last`,
  );
}
