import { format, parseISO } from "date-fns";
import { type SQL, sql } from "drizzle-orm";
import type { TaxonomyMapRow } from "../../domain/playbook/taxonomy-map.ts";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { OverdueAction } from "../../http/schemas/reports.ts";
import type { Db } from "../client.ts";
import { analyticRows } from "../infra/analytic-read.ts";
import { decodeCursor, encodeCursor, type KeyCast } from "../infra/cursor.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { openAt, segmentsAsOf } from "../sql/as-of-sql.ts";
import { blockedL1 } from "../sql/entitlement-view.ts";
import { tenantScopeCondition } from "../sql/tenant-scope-sql.ts";
import { blockedByL2ServiceFromFacts, ensureHistoryFacts } from "./history-facts-repository.ts";
import { type CellRow, readCells } from "./report-aggregate-repository.ts";

/**
 * Portfolio reports, aggregated in SQL. Every report counts seats (segment
 * seats) and distinct tenants: cells with few tenants will be suppressed for
 * product groups, so the count must be of tenants, not rows.
 */
export interface ReportScope {
  serviceId: string | null;
  customerId: string | null;
  /** L1s left out of all reporting (Duplicate/Invalid). */
  excludedL1s: readonly string[];
  /** YYYY-MM-DD. */
  today: string;
  /** Only tenants within this scope (the actor's); absent (a caller's mistake) means none. */
  visibleTo: TenantScope;
  /** The current day by the app's clock (YYYY-MM-DD); absent: `today` is the current day. */
  currentDay?: string | undefined;
  /** False aggregates the segments (or as of a day, the history) directly even where the report aggregates or history facts could answer (tests compare both). */
  useAggregates?: boolean | undefined;
  /**
   * Report the portfolio as it stood at this instant (ISO timestamp, the end
   * of the as-of day), rebuilt from the status history (sql/as-of-sql.ts);
   * absent: the current segments.
   */
  asOf?: string | null | undefined;
  /** With `asOf`: read the rebuilt statuses in today's L2s and L3s (docs/PLAYBOOK-VERSIONS.md). */
  taxonomyMap?: readonly TaxonomyMapRow[] | undefined;
}

/**
 * Whether the report aggregates answer this scope: the whole portfolio or one
 * service, Blocked seats not left out. One customer or a user's own tenants
 * are few enough to aggregate directly.
 */
function fromAggregates(scope: ReportScope): boolean {
  return (
    scope.useAggregates !== false &&
    !scope.asOf &&
    scope.visibleTo?.kind === "all" &&
    !scope.customerId &&
    !scope.excludedL1s.includes(blockedL1)
  );
}

/**
 * Whether the history facts answer a report as of a day: the whole portfolio
 * or one service (one customer or a user's own tenants read their history).
 */
function fromHistoryFacts(scope: ReportScope): boolean {
  return (
    scope.useAggregates !== false &&
    !!scope.asOf &&
    scope.visibleTo?.kind === "all" &&
    !scope.customerId &&
    !scope.excludedL1s.includes(blockedL1)
  );
}

function cellsOf(
  db: Db,
  report: "l2_service" | "l3" | "projected" | "aging",
  scope: ReportScope,
  serviceId: string | null | undefined,
) {
  return readCells(db, report, {
    serviceId,
    today: scope.today,
    currentDay: scope.currentDay ?? scope.today,
  });
}

/** An aggregate cell's key back to the L2 or L3 it stands for ('' is none). */
const keyOf = (key: string) => (key === "" ? null : key);

/** SQL's ascending text order with nulls last, as the direct queries sort. */
function ascending(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

const counts = (cell: CellRow): SeatCount => ({
  seats: cell.seats,
  tenants: cell.tenants,
  segments: cell.segments,
});

/** FROM/WHERE over segments in scope; `extra` narrows further (e.g. Blocked only). */
function segmentsInScope(scope: ReportScope, extra: SQL[] = []): SQL {
  // Entitlements a full portfolio sync ended are out of every report (as of a date: ended by then).
  const conditions: SQL[] = [scope.asOf ? openAt(scope.asOf) : sql`e.ended_at is null`, ...extra];
  if (scope.excludedL1s.length > 0) {
    conditions.push(
      sql`s.l1 not in (${sql.join(
        scope.excludedL1s.map((l1) => sql`${l1}`),
        sql`, `,
      )})`,
    );
  }
  if (scope.serviceId) conditions.push(sql`e.service_id = ${scope.serviceId}`);
  if (scope.customerId) conditions.push(sql`t.customer_id = ${scope.customerId}::uuid`);
  const visible = tenantScopeCondition(scope.visibleTo, { id: sql`t.id`, customerId: sql`t.customer_id` });
  if (visible) conditions.push(visible);
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  return sql`${segmentSource(scope)}
    join tenants t on t.id = e.tenant_id
    join customers c on c.id = t.customer_id
    ${where}`;
}

/** The segments `s` and their entitlements `e`: today's, or as they stood at `scope.asOf`. */
function segmentSource(scope: ReportScope): SQL {
  const segments = scope.asOf
    ? segmentsAsOf(scope.asOf, scope.taxonomyMap, entitlementsInScope(scope))
    : sql`status_segments s`;
  return sql`from ${segments} join entitlements e on e.id = s.entitlement_id`;
}

/**
 * The ids of the entitlements a narrowed scope holds (a person's tenants, one
 * customer or service), so an as-of read rebuilds only those; null for the
 * whole portfolio.
 */
function entitlementsInScope(scope: ReportScope): SQL | null {
  const conditions: SQL[] = [];
  if (scope.serviceId) conditions.push(sql`ie.service_id = ${scope.serviceId}`);
  if (scope.customerId) conditions.push(sql`it.customer_id = ${scope.customerId}::uuid`);
  const visible = tenantScopeCondition(scope.visibleTo, { id: sql`it.id`, customerId: sql`it.customer_id` });
  if (visible) conditions.push(visible);
  if (conditions.length === 0) return null;
  return sql`select ie.id from entitlements ie join tenants it on it.id = ie.tenant_id
    where ${sql.join(conditions, sql` and `)}`;
}

/** Reads a report's rows; one as of a day reads history, an analytic statement (infra/analytic-read.ts). */
function readRows<Row>(db: Db, scope: ReportScope, query: SQL): Promise<Row[]> {
  return scope.asOf ? analyticRows<Row>(db, query) : rowsOf<Row>(db, query);
}

const blocked = sql`s.l1 = ${blockedL1}`;

export interface SeatCount {
  seats: number;
  tenants: number;
  segments: number;
}

export async function blockedByL2AndService(
  db: Db,
  scope: ReportScope,
): Promise<(SeatCount & { l2: string | null; serviceId: string })[]> {
  if (fromHistoryFacts(scope) && (await ensureHistoryFacts(db))) {
    const { serviceId, taxonomyMap = [] } = scope;
    return blockedByL2ServiceFromFacts(db, { at: scope.asOf!, serviceId, taxonomyMap });
  }
  const cells = fromAggregates(scope)
    ? await cellsOf(db, "l2_service", scope, scope.serviceId ?? undefined)
    : null;
  if (cells) {
    return cells
      .map((cell) => ({ l2: keyOf(cell.k1), serviceId: cell.serviceId, ...counts(cell) }))
      .sort((a, b) => b.seats - a.seats || ascending(a.l2, b.l2) || ascending(a.serviceId, b.serviceId));
  }
  return readRows(
    db,
    scope,
    sql`select s.l2 as "l2", e.service_id as "serviceId", sum(s.seats)::int as "seats",
          count(distinct e.tenant_id)::int as "tenants", count(*)::int as "segments"
        ${segmentsInScope(scope, [blocked])}
        group by s.l2, e.service_id
        order by sum(s.seats) desc, s.l2, e.service_id`,
  );
}

export async function blockedByL3(
  db: Db,
  scope: ReportScope,
): Promise<(SeatCount & { l2: string | null; l3: string | null })[]> {
  const cells = fromAggregates(scope) ? await cellsOf(db, "l3", scope, scope.serviceId) : null;
  if (cells) {
    return cells
      .map((cell) => ({ l2: keyOf(cell.k1), l3: keyOf(cell.k2), ...counts(cell) }))
      .sort((a, b) => b.seats - a.seats || ascending(a.l2, b.l2) || ascending(a.l3, b.l3));
  }
  return readRows(
    db,
    scope,
    sql`select s.l2 as "l2", s.l3 as "l3", sum(s.seats)::int as "seats",
          count(distinct e.tenant_id)::int as "tenants", count(*)::int as "segments"
        ${segmentsInScope(scope, [blocked])}
        group by s.l2, s.l3
        order by sum(s.seats) desc, s.l2, s.l3 nulls last`,
  );
}

/** Upper bounds (days, inclusive) of the aging buckets; the last bucket has none. */
export const agingBounds = [30, 60, 90, 180] as const;

/** Blocked seats by how long they have been Blocked: bucket index 0..agingBounds.length. */
export async function blockedAging(db: Db, scope: ReportScope): Promise<(SeatCount & { bucket: number })[]> {
  const cells = fromAggregates(scope) ? await cellsOf(db, "aging", scope, scope.serviceId) : null;
  if (cells) {
    return cells
      .map((cell) => ({ bucket: Number(cell.k1), ...counts(cell) }))
      .sort((a, b) => a.bucket - b.bucket);
  }
  const cases = agingBounds.map((bound, index) => sql`when aged.days <= ${bound}::int then ${index}::int`);
  return readRows(
    db,
    scope,
    sql`select case ${sql.join(cases, sql` `)} else ${agingBounds.length}::int end as "bucket",
          sum(aged.seats)::int as "seats", count(distinct aged.tenant_id)::int as "tenants",
          count(*)::int as "segments"
        from (
          select s.seats, e.tenant_id,
            (${scope.today}::date - (s.l1_since at time zone 'UTC')::date) as days
          ${segmentsInScope(scope, [blocked])}
        ) aged
        group by 1
        order by 1`,
  );
}

/** An overdue segment as stored: the report's row before the service is named from the playbook. */
export type OverdueActionRow = Omit<OverdueAction, "serviceName">;

/** Names the overdue report's order in its cursors, so a list's cursor is refused here. */
const overdueCursorScope = "reports:overdue-next-actions";
/** The cursor keeps date, customer name, tenant name, service and position; the entitlement id is its id. */
const overdueCursorKeys: readonly KeyCast[] = ["date", "text", "text", "text", "int"];

/**
 * Segments whose next action date has passed, oldest first, a page at a time:
 * each page starts strictly after the row its cursor names, so a segment
 * edited meanwhile is neither repeated nor skipped the way an offset would.
 */
export async function overdueNextActions(
  db: Db,
  scope: ReportScope,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: OverdueActionRow[]; nextCursor: string | null }> {
  const conditions = [sql`s.next_action_date < ${scope.today}::date`];
  if (page.cursor) {
    const after = decodeCursor(page.cursor, overdueCursorScope, overdueCursorKeys);
    const [date, customerName, tenantName, serviceId, position] = after.keys;
    conditions.push(
      sql`(s.next_action_date, c.name, t.name, e.service_id, e.id, s.position)
        > (${date}::date, ${customerName}, ${tenantName}, ${serviceId}, ${after.id}::uuid, ${position}::int)`,
      // Implied by the row comparison; stated so the index on the date starts the scan there.
      sql`s.next_action_date >= ${date}::date`,
    );
  }
  const rows = await readRows<OverdueActionRow>(
    db,
    scope,
    sql`select e.id::text as "entitlementId", s.position as "position",
          c.id::text as "customerId", c.name as "customerName", t.id::text as "tenantId", t.name as "tenantName",
          e.service_id as "serviceId", s.l1 as "l1", s.l2 as "l2", s.owner as "owner",
          s.next_action as "nextAction", s.next_action_date::text as "nextActionDate",
          (${scope.today}::date - s.next_action_date)::int as "daysOverdue", s.seats as "seats"
        ${segmentsInScope(scope, conditions)}
        order by s.next_action_date, c.name, t.name, e.service_id, e.id, s.position
        limit ${page.limit + 1}`,
  );
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > page.limit && last
      ? encodeCursor(overdueCursorScope, {
          keys: [
            last.nextActionDate,
            last.customerName,
            last.tenantName,
            last.serviceId,
            String(last.position),
          ],
          id: last.entitlementId,
        })
      : null;
  return { items, nextCursor };
}

/** Blocked seats by the ISO week of their projected unblock (target) date. */
export async function projectedUnblocks(
  db: Db,
  scope: ReportScope,
): Promise<(SeatCount & { week: string; weekStart: string })[]> {
  const cells = fromAggregates(scope) ? await cellsOf(db, "projected", scope, scope.serviceId) : null;
  if (cells) {
    return cells
      .map((cell) => ({ week: isoWeekOf(cell.k1), weekStart: cell.k1, ...counts(cell) }))
      .sort((a, b) => ascending(a.weekStart, b.weekStart));
  }
  return readRows(
    db,
    scope,
    sql`select to_char(s.target_date, 'IYYY-"W"IW') as "week",
          (s.target_date - (extract(isodow from s.target_date)::int - 1))::text as "weekStart",
          sum(s.seats)::int as "seats", count(distinct e.tenant_id)::int as "tenants", count(*)::int as "segments"
        ${segmentsInScope(scope, [blocked, sql`s.target_date is not null`])}
        group by 1, 2
        order by 2`,
  );
}

/** The ISO week of a Monday (YYYY-MM-DD) as PostgreSQL's to_char(day, 'IYYY-"W"IW') writes it. */
function isoWeekOf(monday: string): string {
  // Parsed and formatted in the same (local) time zone, so only the calendar date matters.
  return format(parseISO(monday), "RRRR-'W'II");
}
