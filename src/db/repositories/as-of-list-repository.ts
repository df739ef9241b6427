import { type SQL, sql } from "drizzle-orm";
import type { StatusSnapshot } from "../../http/schemas/entitlements.ts";
import type { Db } from "../client.ts";
import { keysetPage, type SortKey } from "../infra/keyset-page.ts";
import { isUuid, rowsOf, uuidArray } from "../infra/raw-rows.ts";
import { latestHistoryBefore, latestHistoryBeforeAll, openAt } from "../sql/as-of-sql.ts";
import { blockedL1 } from "../sql/entitlement-view.ts";
import { tenantScopeCondition } from "../sql/tenant-scope-sql.ts";
import { type EntitlementQuery, likePattern } from "./entitlement-list-repository.ts";

/**
 * The entitlement list as it stood at an instant (sql/as-of-sql.ts): the
 * same filters and sorts as today's list, read from each entitlement's last
 * history row before the instant instead of the current segments. Usage
 * filters and the usage sort have no history and are refused by the caller.
 */
export type AsOfEntitlementQuery = Omit<
  EntitlementQuery,
  "usageShareMin" | "usageShareMax" | "contradiction" | "usageRules" | "resplitNeeded"
> & {
  /** The instant (ISO): the first moment after the as-of day. */
  asOf: string;
};

const anyOf = (column: SQL, values: readonly string[]) =>
  sql`${column} in (${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`;

/** The snapshot's segments as `g.seg`, for conditions and sort keys. */
const snapshotSegmentsOf = sql`jsonb_array_elements(h.after->'segments') g(seg)`;

/** A snapshot segment owned by one of `owners`: person by id or email, team by role id, or the owner text. */
function ownerCondition(owners: readonly string[]): SQL {
  const keys = owners.map((owner) => owner.trim().toLowerCase());
  return sql`(${anyOf(sql`lower(g.seg->>'owner')`, keys)} or ${anyOf(sql`(g.seg->'ownerRef'->>'role')`, keys)}
    or (g.seg->'ownerRef'->>'userId') in (select ou.id::text from users ou
      where ${anyOf(sql`lower(ou.email)`, keys)} or ${anyOf(sql`ou.id::text`, keys)}))`;
}

/** Conditions one snapshot segment must meet together ("Blocked with this L2 and this owner"). */
function segmentConditions(query: Omit<AsOfEntitlementQuery, "limit" | "cursor">): SQL[] {
  const segment: SQL[] = [];
  if (query.l1.length > 0) segment.push(anyOf(sql`(g.seg->>'l1')`, query.l1));
  if (query.l2.length > 0) segment.push(anyOf(sql`(g.seg->>'l2')`, query.l2));
  if (query.l3.length > 0) segment.push(anyOf(sql`(g.seg->>'l3')`, query.l3));
  if (query.owner.length > 0) segment.push(ownerCondition(query.owner));
  if (query.ownerUnresolved) {
    segment.push(
      sql`(g.seg->>'owner') is not null and jsonb_typeof(g.seg->'ownerRef') is distinct from 'object'`,
    );
  }
  if (query.targetFrom) segment.push(sql`(g.seg->>'targetDate')::date >= ${query.targetFrom}::date`);
  if (query.targetTo) segment.push(sql`(g.seg->>'targetDate')::date <= ${query.targetTo}::date`);
  if (query.overdue) segment.push(sql`(g.seg->>'nextActionDate')::date < ${query.today}::date`);
  // Days in the L1 as of the day (`today` is the as-of day), as the dashboards' aging buckets count them.
  const daysInL1 = sql`(${query.today}::date - ((g.seg->>'l1Since')::timestamptz at time zone 'UTC')::date)`;
  if (query.l1DaysMin !== null) segment.push(sql`${daysInL1} >= ${query.l1DaysMin}::int`);
  if (query.l1DaysMax !== null) segment.push(sql`${daysInL1} <= ${query.l1DaysMax}::int`);
  return segment;
}

/** Entitlement-level conditions: ended by then, scope, service, stage, customer, tenant, free text. */
function entitlementConditions(query: Omit<AsOfEntitlementQuery, "limit" | "cursor">): SQL[] {
  const conditions: SQL[] = [];
  if (query.ended === "exclude") conditions.push(openAt(query.asOf));
  if (query.ended === "only") conditions.push(sql`e.ended_at < ${query.asOf}::timestamptz`);
  const visible = tenantScopeCondition(query.visibleTo, { id: sql`t.id`, customerId: sql`t.customer_id` });
  if (visible) conditions.push(visible);
  if (query.serviceId.length > 0) conditions.push(anyOf(sql`e.service_id`, query.serviceId));
  if (query.stage.length > 0) conditions.push(anyOf(sql`(h.after->>'stage')`, query.stage));
  if (query.customerId) conditions.push(sql`t.customer_id = ${query.customerId}::uuid`);
  if (query.tenantId) conditions.push(sql`e.tenant_id = ${query.tenantId}::uuid`);
  if (query.q) {
    const pattern = likePattern(query.q);
    // Names are today's; notes are the snapshot's.
    conditions.push(sql`(t.name ilike ${pattern} or t.domain ilike ${pattern} or c.name ilike ${pattern}
      or c.external_id ilike ${pattern}
      or exists (select 1 from ${snapshotSegmentsOf} where (g.seg->>'note') ilike ${pattern}))`);
  }
  return conditions;
}

/** FROM ... WHERE of the as-of list: entitlements `e` with their snapshot `h`, tenants `t`, customers `c`. */
export function asOfListSource(query: Omit<AsOfEntitlementQuery, "limit" | "cursor">): SQL {
  const conditions = entitlementConditions(query);
  const segment = segmentConditions(query);
  if (segment.length > 0) {
    conditions.push(sql`exists (select 1 from ${snapshotSegmentsOf} where ${sql.join(segment, sql` and `)})`);
  }
  const wide = query.visibleTo?.kind === "all" && !query.customerId && !query.tenantId;
  return sql`from entitlements e
      join tenants t on t.id = e.tenant_id
      join customers c on c.id = t.customer_id
      ${wide ? latestHistoryBeforeAll(query.asOf) : latestHistoryBefore(query.asOf)}
      ${conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``}`;
}

/** The earliest date of a snapshot field over its segments, missing ones at the far end of the order. */
function earliest(field: "targetDate" | "nextActionDate", order: "asc" | "desc"): SQL {
  const sentinel = sql.raw(`'${order === "asc" ? "9999-12-31" : "0001-01-01"}'::date`);
  return sql`coalesce((select min((g.seg->>${field})::date) from ${snapshotSegmentsOf}), ${sentinel})`;
}

export function asOfSortKeys(query: Pick<AsOfEntitlementQuery, "sort" | "order">): SortKey[] {
  switch (query.sort) {
    case "target_date":
      return [{ expr: earliest("targetDate", query.order), cast: "date" }];
    case "next_action_date":
      return [{ expr: earliest("nextActionDate", query.order), cast: "date" }];
    case "customer":
      return [
        { expr: sql`c.name`, cast: "text" },
        { expr: sql`t.name`, cast: "text" },
        { expr: sql`e.service_id`, cast: "text" },
      ];
    case "blocked_seats":
      return [
        {
          expr: sql`(select coalesce(sum((g.seg->>'seats')::int), 0) from ${snapshotSegmentsOf}
            where (g.seg->>'l1') = ${blockedL1})::int`,
          cast: "int",
        },
      ];
    default:
      // "updated": when the status was last changed before the instant.
      return [{ expr: sql`h.at`, cast: "micros" }];
  }
}

/** One page of the ids matching as of the instant, in the list's order, and the next page's cursor. */
export function pageEntitlementIdsAsOf(
  db: Db,
  query: AsOfEntitlementQuery,
): Promise<{ ids: string[]; nextCursor: string | null }> {
  return keysetPage(db, {
    // The instant is part of the cursor's scope: a cursor of one as-of day is refused on another.
    scope: `entitlements-as-of:${query.asOf}:${query.sort}:${query.order}`,
    id: sql`e.id`,
    from: asOfListSource(query),
    keys: asOfSortKeys(query),
    order: query.order,
    cursor: query.cursor,
    limit: query.limit,
  });
}

/** How many match as of the instant, exact up to `limit`. */
export async function countMatchingAsOf(
  db: Db,
  query: Omit<AsOfEntitlementQuery, "limit" | "cursor">,
  limit: number,
): Promise<{ count: number; exact: boolean }> {
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 ${asOfListSource(query)} limit ${limit + 1}) matching`,
  );
  const count = row?.n ?? 0;
  return count > limit ? { count: limit, exact: false } : { count, exact: true };
}

/** An entitlement's status as of an instant: its last history row before it. */
export interface AsOfSnapshot {
  entitlementId: string;
  at: string;
  version: number;
  after: StatusSnapshot;
}

/** The snapshots of the given entitlements at the instant; ids without one are left out. */
export async function snapshotsAsOf(db: Db, ids: readonly string[], asOf: string): Promise<AsOfSnapshot[]> {
  const wanted = ids.filter(isUuid);
  if (wanted.length === 0) return [];
  const rows = await rowsOf<{ entitlementId: string; at: string; version: number; after: string }>(
    db,
    sql`select e.id::text as "entitlementId",
          to_char(h.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
          h.version_after::int as version, h.after::text as after
        from entitlements e ${latestHistoryBefore(asOf)}
        where e.id = any(${uuidArray(wanted)}::uuid[])`,
  );
  return rows.map((row) => ({ ...row, after: JSON.parse(row.after) as StatusSnapshot }));
}
