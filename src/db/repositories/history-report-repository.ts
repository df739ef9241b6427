import { type SQL, sql } from "drizzle-orm";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { StatusSnapshot } from "../../http/schemas/entitlements.ts";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { latestHistoryBefore, latestHistoryBeforeAll, snapshotSegments } from "../sql/as-of-sql.ts";
import { blockedL1 } from "../sql/entitlement-view.ts";
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

/** Whether a scope covers every tenant: the history is then read in one pass rather than per entitlement. */
const isWide = (scope: HistoryScope) => scope.visibleTo?.kind === "all" && !scope.customerId;

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
export function blockedPieces(db: Db, scope: HistoryScope, until: string): Promise<BlockedPieceRow[]> {
  const conditions = [
    sql`h.at < ${until}::timestamptz`,
    sql`(e.ended_at is null or e.ended_at >= ${until}::timestamptz)`,
    ...scopeConditions(scope),
  ];
  return rowsOf(
    db,
    sql`with hist as (
          select h.id, h.entitlement_id, h.at, h.after, e.tenant_id, e.service_id,
            lead(h.at) over w as next_at, lead(h.id) over w as next_id
          from status_history h
          join entitlements e on e.id = h.entitlement_id
          join tenants t on t.id = e.tenant_id
          ${whereAll(conditions)}
          window w as (partition by h.entitlement_id order by h.at, h.id)
        ),
        observed as (
          select hi.id, hi.entitlement_id, hi.at, hi.tenant_id, hi.service_id, hi.next_at, hi.next_id,
            g.seg->>'l1Since' as since, sum((g.seg->>'seats')::int) as seats,
            (array_agg(g.seg->>'l2' order by (g.seg->>'seats')::int desc))[1] as l2,
            (array_agg(g.seg->>'l3' order by (g.seg->>'seats')::int desc))[1] as l3
          from hist hi cross join lateral jsonb_array_elements(hi.after->'segments') g(seg)
          where g.seg->>'l1' = ${blockedL1}
          group by hi.id, hi.entitlement_id, hi.at, hi.tenant_id, hi.service_id, hi.next_at, hi.next_id, since
        ),
        spells as (
          select o.*, lead(o.id) over s as next_seen_id, lead(o.seats) over s as next_seen_seats,
            last_value(o.l2) over (s rows between unbounded preceding and unbounded following) as last_l2,
            last_value(o.l3) over (s rows between unbounded preceding and unbounded following) as last_l3
          from observed o
          window s as (partition by o.entitlement_id, o.since order by o.at, o.id)
        ),
        pieces as (
          select tenant_id, service_id, last_l2 as l2, last_l3 as l3,
            ((since::timestamptz) at time zone 'UTC')::date as since,
            case when next_id is null then null else (next_at at time zone 'UTC')::date end as ended_on,
            case when next_id is null or next_seen_id is distinct from next_id then seats
                 else seats - next_seen_seats end as seats
          from spells
          where next_id is null or next_seen_id is distinct from next_id or next_seen_seats < seats
        )
        select tenant_id::text as "tenantId", service_id as "serviceId", l2, l3, since::text as since,
          ended_on::text as "endedOn", sum(seats)::int as seats
        from pieces
        group by tenant_id, service_id, l2, l3, since, ended_on`,
  );
}

/** One entitlement's status at two instants; `before` null: it had no recorded status yet. */
export interface StatusPairRow {
  entitlementId: string;
  tenantId: string;
  tenantName: string;
  customerId: string;
  customerName: string;
  serviceId: string;
  before: StatusSnapshot | null;
  after: StatusSnapshot;
}

/**
 * The entitlements whose status was written between `from` (inclusive) and
 * `to` (exclusive), with their status at each: only these can have changed.
 * Read from the history's index on its time, so a month's changes cost what
 * the month holds, not the whole history.
 */
export async function changedBetween(
  db: Db,
  scope: HistoryScope,
  window: { from: string; to: string },
): Promise<StatusPairRow[]> {
  const rows = await rowsOf<
    Omit<StatusPairRow, "before" | "after"> & { before: string | null; after: string }
  >(
    db,
    sql`with changed as (
          select distinct ch.entitlement_id from status_history ch
          where ch.at >= ${window.from}::timestamptz and ch.at < ${window.to}::timestamptz
        )
        select e.id::text as "entitlementId", t.id::text as "tenantId", t.name as "tenantName",
          c.id::text as "customerId", c.name as "customerName", e.service_id as "serviceId",
          hb.after::text as before, h.after::text as after
        from changed x
        join entitlements e on e.id = x.entitlement_id
        join tenants t on t.id = e.tenant_id
        join customers c on c.id = t.customer_id
        ${latestHistoryBefore(window.to)}
        left join lateral (select bh.after from status_history bh
          where bh.entitlement_id = e.id and bh.at < ${window.from}::timestamptz
          order by bh.at desc, bh.id desc limit 1) hb on true
        ${whereAll(scopeConditions(scope))}
        order by c.name, t.name, e.service_id`,
  );
  return rows.map((row) => ({
    ...row,
    before: row.before === null ? null : (JSON.parse(row.before) as StatusSnapshot),
    after: JSON.parse(row.after) as StatusSnapshot,
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
    ...scopeConditions(scope),
  ];
  return rowsOf(
    db,
    sql`select s.l1 as l1, e.tenant_id::text as "tenantId", sum(s.seats)::int as seats
        from entitlements e
        join tenants t on t.id = e.tenant_id
        ${isWide(scope) ? latestHistoryBeforeAll(window.from) : latestHistoryBefore(window.from)}
        ${snapshotSegments}
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
 * first recorded status.
 */
export function blockedByL2Weekly(
  db: Db,
  scope: HistoryScope,
  window: { from: string; to: string },
): Promise<L2WeekRow[]> {
  const firstEnd = sql`((date_trunc('week', ${window.from}::date)::date + 7)::timestamp at time zone 'UTC')`;
  const lastEnd = sql`((date_trunc('week', ${window.to}::date)::date + 7)::timestamp at time zone 'UTC')`;
  return rowsOf(
    db,
    sql`with weeks as (
          select generate_series(date_trunc('week', ${window.from}::date)::date,
            date_trunc('week', ${window.to}::date)::date, interval '7 days')::date as week_start
        ),
        hist as (
          select h.at, h.after, e.tenant_id, lead(h.at) over (partition by h.entitlement_id order by h.at, h.id) as next_at
          from status_history h
          join entitlements e on e.id = h.entitlement_id
          join tenants t on t.id = e.tenant_id
          ${whereAll([sql`h.at < ${lastEnd}`, ...scopeConditions(scope)])}
        ),
        blocked as (
          select hi.tenant_id, hi.at, hi.next_at, g.seg->>'l2' as l2, sum((g.seg->>'seats')::int) as seats
          from hist hi cross join lateral jsonb_array_elements(hi.after->'segments') g(seg)
          where g.seg->>'l1' = ${blockedL1} and (hi.next_at is null or hi.next_at >= ${firstEnd})
          group by hi.tenant_id, hi.at, hi.next_at, g.seg->>'l2'
        )
        select to_char(w.week_start, 'YYYY-MM-DD') as "weekStart", b.l2 as l2, sum(b.seats)::int as seats,
          count(distinct b.tenant_id)::int as tenants
        from weeks w
        join blocked b on b.at < ((w.week_start + 7)::timestamp at time zone 'UTC')
          and (b.next_at is null or b.next_at >= ((w.week_start + 7)::timestamp at time zone 'UTC'))
        group by w.week_start, b.l2
        having sum(b.seats) > 0
        order by w.week_start, b.l2 nulls last`,
  );
}
