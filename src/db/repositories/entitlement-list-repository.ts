import { type SQL, sql } from "drizzle-orm";
import type { UsageRules } from "../../domain/playbook/usage-rules-schema.ts";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { ContradictionKind } from "../../domain/usage/assess-usage.ts";
import type { Db } from "../client.ts";
import { keysetPage, type SortKey } from "../infra/keyset-page.ts";
import { rowsOf, uuidArray } from "../infra/raw-rows.ts";
import {
  contradictionFilter,
  newestUsageJoin,
  usageShareCondition,
  usageShareExpr,
} from "../sql/entitlement-usage-sql.ts";
import { blockedL1 } from "../sql/entitlement-view.ts";
import { tenantScopeCondition } from "../sql/tenant-scope-sql.ts";
import { readTextMatchIds, textMatchIds } from "../sql/text-matches.ts";

export const entitlementSorts = [
  "updated",
  "target_date",
  "next_action_date",
  "customer",
  "blocked_seats",
  "usage_share",
] as const;
export type EntitlementSort = (typeof entitlementSorts)[number];

/** Filters of the entitlement list, already checked; list values match any of them. */
export interface EntitlementQuery {
  l1: string[];
  l2: string[];
  l3: string[];
  serviceId: string[];
  /** A person (user id or email), a team (role id) or owner text, case aside. */
  owner: string[];
  /** Only entitlements with a segment whose owner is unresolved text. */
  ownerUnresolved: boolean;
  stage: string[];
  /** Inclusive target date range (YYYY-MM-DD) of some segment. */
  targetFrom: string | null;
  targetTo: string | null;
  /** Inclusive bounds of the days a segment has been in its L1, as of `today` (the aging buckets). */
  l1DaysMin: number | null;
  l1DaysMax: number | null;
  /** Only entitlements with a segment whose next action date is before `today`. */
  overdue: boolean;
  today: string;
  /** Free text over customer and tenant names, the tenant domain, the customer's external id and notes. */
  q: string | null;
  customerId: string | null;
  tenantId: string | null;
  sort: EntitlementSort;
  order: "asc" | "desc";
  limit: number;
  cursor?: string | undefined;
  /** Only tenants within this scope (the actor's); absent means all. */
  visibleTo: TenantScope;
  /** Inclusive bounds of the newest usage point's share of the available seats, in percent. */
  usageShareMin: number | null;
  usageShareMax: number | null;
  /** Only entitlements whose status usage contradicts (by `usageRules`): one kind or any. */
  contradiction: ContradictionKind | "any" | null;
  usageRules: UsageRules | undefined;
  /** Entitlements a full feed ended: left out (the default), listed too, or listed alone. */
  ended: EndedFilter;
  /** Only split statuses a seat change left not adding up. */
  resplitNeeded: boolean;
}

export const endedFilters = ["exclude", "include", "only"] as const;
export type EndedFilter = (typeof endedFilters)[number];

/** Escapes LIKE wildcards so `50%_off` matches itself; backslash is Postgres' default LIKE escape. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

const anyOf = (column: SQL, values: readonly string[]) =>
  sql`${column} in (${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`;

/** A segment `s` owned by one of `owners`: person by id or email, team by role id, or the owner text. */
function ownerCondition(owners: readonly string[]): SQL {
  const keys = owners.map((owner) => owner.trim().toLowerCase());
  return sql`(${anyOf(sql`lower(s.owner)`, keys)} or ${anyOf(sql`s.owner_team`, keys)}
    or s.owner_user_id in (select ou.id from users ou
      where ${anyOf(sql`lower(ou.email)`, keys)} or ${anyOf(sql`ou.id::text`, keys)}))`;
}

/**
 * One page of entitlement ids matching the filters. Segment filters apply to
 * the same segment together ("Blocked with this L2 and this owner"), so a
 * split service matches when one of its segments does.
 *
 * Shaped for the indexes (see the EXPLAIN test): sorts order by indexed
 * columns of entitlements (the segment summaries the triggers keep), tenants
 * and customers are joined only when a filter or sort needs them, and free
 * text collects matching ids from trigram indexes instead of testing every row.
 */
export async function pageEntitlementIds(
  db: Db,
  query: EntitlementQuery,
): Promise<{ ids: string[]; nextCursor: string | null }> {
  const textIds = await matchingTextIds(db, query);
  return keysetPage(db, {
    scope: `entitlements:${query.sort}:${query.order}`,
    id: sql`e.id`,
    from: entitlementListSource(query, textIds),
    keys: sortKeys(query.sort, query.order),
    order: query.order,
    cursor: query.cursor,
    limit: query.limit,
  });
}

/** The entitlements the free text matches, or null without one. */
function matchingTextIds(db: Db, query: Pick<EntitlementQuery, "q">): Promise<string[] | null> {
  return query.q ? readTextMatchIds(db, likePattern(query.q)) : Promise.resolve(null);
}

/** Counting stops here: past it the list says "more than 10,000". */
export const entitlementCountLimit = 10_000;

/**
 * How many entitlements match the filters, for the list's "1,284
 * entitlements": exact up to `limit`, else `exact: false`. An exact count of
 * a million rows reads them all (over a second for every Blocked entitlement
 * at 100,000 tenants, docs/PERFORMANCE.md), so the count stops one row past
 * the limit. Sort-only joins are left out.
 */
export async function countMatchingEntitlements(
  db: Db,
  query: Omit<EntitlementQuery, "limit" | "cursor">,
  limit = entitlementCountLimit,
): Promise<{ count: number; exact: boolean }> {
  const textIds = await matchingTextIds(db, query);
  const from = entitlementListSource({ ...query, sort: "updated" }, textIds);
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 ${from} limit ${limit + 1}) matching`,
  );
  const count = row?.n ?? 0;
  return count > limit ? { count: limit, exact: false } : { count, exact: true };
}

/** The list's sort keys (then e.id) over the FROM clause of entitlementListSource. */
export function entitlementSortKeys(query: Pick<EntitlementQuery, "sort" | "order">): SortKey[] {
  return sortKeys(query.sort, query.order);
}

/**
 * FROM ... WHERE of the list: entitlements `e` matching the filters (tenants
 * `t` and customers `c` joined when a filter or the customer sort needs them).
 * The export streams the same rows in the same order. `textIds`, when given,
 * are the entitlements the free text matches (readTextMatchIds), named as
 * values instead of found by a subquery.
 */
export function entitlementListSource(
  query: Omit<EntitlementQuery, "limit" | "cursor">,
  textIds?: readonly string[] | null,
): SQL {
  // Entitlements a full feed ended are kept for their history, out of the list and the export
  // unless asked for.
  const conditions: SQL[] = [];
  if (query.ended === "exclude") conditions.push(sql`e.ended_at is null`);
  if (query.ended === "only") conditions.push(sql`e.ended_at is not null`);
  if (query.resplitNeeded) conditions.push(sql`e.resplit_needed`);
  const usage = usageConditions(query);
  conditions.push(...usage);
  const visible = tenantScopeCondition(query.visibleTo, { id: sql`t.id`, customerId: sql`t.customer_id` });
  if (visible) conditions.push(visible);
  // "Blocked for these L2s in these services" is exactly what entitlements.blocked_keys records
  // (one GIN index): it then stands for the service filter and, alone, for the segment condition.
  const blockedKeys =
    query.l1.length === 1 && query.l1[0] === blockedL1 && query.l2.length > 0 && query.serviceId.length > 0
      ? query.serviceId.flatMap((service) => query.l2.map((l2) => `${service}/${l2}`))
      : null;
  if (blockedKeys) {
    conditions.push(
      sql`e.blocked_keys && array[${sql.join(
        blockedKeys.map((key) => sql`${key}`),
        sql`, `,
      )}]::text[]`,
    );
  } else if (query.serviceId.length > 0) conditions.push(anyOf(sql`e.service_id`, query.serviceId));
  if (query.stage.length > 0) conditions.push(anyOf(sql`e.stage`, query.stage));
  if (query.customerId) {
    conditions.push(
      sql`e.tenant_id in (select ct.id from tenants ct where ct.customer_id = ${query.customerId}::uuid)`,
    );
  }
  if (query.tenantId) conditions.push(sql`e.tenant_id = ${query.tenantId}::uuid`);

  const segment: SQL[] = [];
  if (query.l1.length > 0) segment.push(anyOf(sql`s.l1`, query.l1));
  if (query.l2.length > 0) segment.push(anyOf(sql`s.l2`, query.l2));
  if (query.l3.length > 0) segment.push(anyOf(sql`s.l3`, query.l3));
  if (query.owner.length > 0) segment.push(ownerCondition(query.owner));
  if (query.ownerUnresolved) {
    segment.push(sql`s.owner is not null and s.owner_user_id is null and s.owner_team is null`);
  }
  if (query.targetFrom) segment.push(sql`s.target_date >= ${query.targetFrom}::date`);
  if (query.targetTo) {
    segment.push(sql`s.target_date <= ${query.targetTo}::date`);
    // Implied (the earliest date is at most this one), and indexed.
    conditions.push(sql`${earliestTarget("asc")} <= ${query.targetTo}::date`);
  }
  // Days in the L1 as the aging report counts them: from the UTC day the segment entered it.
  const daysInL1 = sql`(${query.today}::date - (s.l1_since at time zone 'UTC')::date)`;
  if (query.l1DaysMin !== null) segment.push(sql`${daysInL1} >= ${query.l1DaysMin}::int`);
  if (query.l1DaysMax !== null) segment.push(sql`${daysInL1} <= ${query.l1DaysMax}::int`);
  if (query.overdue) {
    segment.push(sql`s.next_action_date < ${query.today}::date`);
    conditions.push(sql`${earliestNextAction("asc")} < ${query.today}::date`);
  }
  // The entitlement's summaries stand for a segment condition they imply exactly: the blocked keys
  // for Blocked + L2, the earliest date for a lone "overdue" or "target on or before" (the earliest
  // date is before X exactly when some segment's is), and both are indexed.
  const keysSuffice =
    (blockedKeys !== null && segment.length === 2) ||
    (segment.length === 1 && (query.overdue || query.targetTo !== null));
  if (segment.length > 0 && !keysSuffice) {
    conditions.push(
      sql`exists (select 1 from status_segments s where s.entitlement_id = e.id and ${sql.join(segment, sql` and `)})`,
    );
  }
  if (query.q) {
    conditions.push(
      textIds
        ? sql`e.id = any(${uuidArray(textIds)}::uuid[])`
        : sql`e.id in (${textMatchIds(likePattern(query.q))})`,
    );
  }

  const joinTenants = visible !== null || query.sort === "customer";
  const joinUsage = usage.length > 0 || query.sort === "usage_share";
  const from = sql`from entitlements e
      ${joinTenants ? sql`join tenants t on t.id = e.tenant_id` : sql``}
      ${joinUsage ? newestUsageJoin : sql``}
      ${query.sort === "customer" ? sql`join customers c on c.id = t.customer_id` : sql``}
      ${conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``}`;
  return from;
}

/** Conditions on the newest usage point `u` (newestUsageJoin): share bounds and contradictions. */
function usageConditions(query: Omit<EntitlementQuery, "limit" | "cursor">): SQL[] {
  const conditions: SQL[] = [];
  if (query.usageShareMin !== null) conditions.push(usageShareCondition(">=", query.usageShareMin));
  if (query.usageShareMax !== null) conditions.push(usageShareCondition("<=", query.usageShareMax));
  if (query.contradiction)
    conditions.push(contradictionFilter(query.contradiction, query.usageRules, query.today));
  return conditions;
}

// Entitlements without the date sort last in either direction: the sentinel sits at the far end.
// Literals, not parameters, so the expressions match the indexes on them (see the migration).
const earliestTarget = (order: "asc" | "desc") =>
  sql.raw(`coalesce(e.earliest_target_date, '${order === "asc" ? "9999-12-31" : "0001-01-01"}'::date)`);
const earliestNextAction = (order: "asc" | "desc") =>
  sql.raw(`coalesce(e.earliest_next_action_date, '${order === "asc" ? "9999-12-31" : "0001-01-01"}'::date)`);

function sortKeys(sort: EntitlementSort, order: "asc" | "desc"): SortKey[] {
  switch (sort) {
    case "updated":
      // Exact to the microsecond in the cursor: a timestamp rounded to milliseconds would repeat rows.
      return [{ expr: sql`e.updated_at`, cast: "micros" }];
    case "target_date":
      return [{ expr: earliestTarget(order), cast: "date" }];
    case "next_action_date":
      return [{ expr: earliestNextAction(order), cast: "date" }];
    case "customer":
      return [
        { expr: sql`c.name`, cast: "text" },
        { expr: sql`t.name`, cast: "text" },
        { expr: sql`e.service_id`, cast: "text" },
      ];
    case "blocked_seats":
      return [{ expr: sql`e.blocked_seats`, cast: "int" }];
    case "usage_share":
      // Entitlements without a share (no point, no seats) last in either direction.
      return [
        {
          expr: sql`coalesce(${usageShareExpr}, ${sql.raw(order === "asc" ? "1e12" : "-1")}::numeric)`,
          cast: "numeric",
        },
      ];
  }
}
