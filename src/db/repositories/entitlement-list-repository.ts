import { type SQL, sql } from "drizzle-orm";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { Db } from "../client.ts";
import { blockedL1 } from "./entitlement-view.ts";
import { keysetPage, type SortKey } from "./keyset-page.ts";
import { tenantScopeCondition } from "./tenant-scope-sql.ts";

export const entitlementSorts = [
  "updated",
  "target_date",
  "next_action_date",
  "customer",
  "blocked_seats",
] as const;
export type EntitlementSort = (typeof entitlementSorts)[number];

/** Filters of the entitlement list, already checked; list values match any of them. */
export interface EntitlementQuery {
  l1: string[];
  l2: string[];
  l3: string[];
  serviceId: string[];
  owner: string[];
  stage: string[];
  /** Inclusive target date range (YYYY-MM-DD) of some segment. */
  targetFrom: string | null;
  targetTo: string | null;
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
  visibleTo?: TenantScope | undefined;
}

/** Escapes LIKE wildcards so `50%_off` matches itself; backslash is Postgres' default LIKE escape. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

const anyOf = (column: SQL, values: readonly string[]) =>
  sql`${column} in (${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`;

/**
 * One page of entitlement ids matching the filters. Segment filters apply to
 * the same segment together ("Blocked with this L2 and this owner"), so a
 * split service matches when one of its segments does.
 */
export async function pageEntitlementIds(
  db: Db,
  query: EntitlementQuery,
): Promise<{ ids: string[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  const visible = tenantScopeCondition(query.visibleTo, { id: sql`t.id`, customerId: sql`t.customer_id` });
  if (visible) conditions.push(visible);
  if (query.serviceId.length > 0) conditions.push(anyOf(sql`e.service_id`, query.serviceId));
  if (query.stage.length > 0) conditions.push(anyOf(sql`e.stage`, query.stage));
  if (query.customerId) conditions.push(sql`t.customer_id = ${query.customerId}::uuid`);
  if (query.tenantId) conditions.push(sql`e.tenant_id = ${query.tenantId}::uuid`);

  const segment: SQL[] = [];
  if (query.l1.length > 0) segment.push(anyOf(sql`s.l1`, query.l1));
  if (query.l2.length > 0) segment.push(anyOf(sql`s.l2`, query.l2));
  if (query.l3.length > 0) segment.push(anyOf(sql`s.l3`, query.l3));
  if (query.owner.length > 0)
    segment.push(
      anyOf(
        sql`lower(s.owner)`,
        query.owner.map((owner) => owner.toLowerCase()),
      ),
    );
  if (query.targetFrom) segment.push(sql`s.target_date >= ${query.targetFrom}::date`);
  if (query.targetTo) segment.push(sql`s.target_date <= ${query.targetTo}::date`);
  if (query.overdue) segment.push(sql`s.next_action_date < ${query.today}::date`);
  if (segment.length > 0) {
    conditions.push(
      sql`exists (select 1 from status_segments s where s.entitlement_id = e.id and ${sql.join(segment, sql` and `)})`,
    );
  }

  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(sql`(c.name ilike ${pattern} or c.external_id ilike ${pattern}
      or t.name ilike ${pattern} or t.domain ilike ${pattern}
      or exists (select 1 from status_segments s where s.entitlement_id = e.id and s.note ilike ${pattern}))`);
  }

  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  return keysetPage(db, {
    scope: `entitlements:${query.sort}:${query.order}`,
    id: sql`e.id`,
    from: sql`from entitlements e
      join tenants t on t.id = e.tenant_id
      join customers c on c.id = t.customer_id
      ${where}`,
    keys: sortKeys(query.sort, query.order),
    order: query.order,
    cursor: query.cursor,
    limit: query.limit,
  });
}

function sortKeys(sort: EntitlementSort, order: "asc" | "desc"): SortKey[] {
  // Entitlements without the date sort last in either direction: the sentinel sits at the far end.
  const noDate = order === "asc" ? "9999-12-31" : "0001-01-01";
  switch (sort) {
    case "updated":
      // Microseconds as an integer: a timestamp rounded to milliseconds in the cursor would repeat rows.
      return [{ expr: sql`(extract(epoch from e.updated_at) * 1000000)::bigint`, cast: "bigint" }];
    case "target_date":
      return [
        {
          expr: sql`coalesce((select min(s.target_date) from status_segments s where s.entitlement_id = e.id), ${noDate}::date)`,
          cast: "date",
        },
      ];
    case "next_action_date":
      return [
        {
          expr: sql`coalesce((select min(s.next_action_date) from status_segments s where s.entitlement_id = e.id), ${noDate}::date)`,
          cast: "date",
        },
      ];
    case "customer":
      return [
        { expr: sql`c.name`, cast: "text" },
        { expr: sql`t.name`, cast: "text" },
        { expr: sql`e.service_id`, cast: "text" },
      ];
    case "blocked_seats":
      return [
        {
          expr: sql`coalesce((select sum(s.seats) from status_segments s where s.entitlement_id = e.id and s.l1 = ${blockedL1}), 0)::int`,
          cast: "int",
        },
      ];
  }
}
