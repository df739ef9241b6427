import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { CustomerView, TenantView } from "../../http/schemas/portfolio.ts";
import type { Db } from "../client.ts";
import { keysetPage } from "../infra/keyset-page.ts";
import { isUuid, rowsOf } from "../infra/raw-rows.ts";
import { customers, entitlements, services } from "../schema.ts";
import { blockedL1 } from "../sql/entitlement-view.ts";
import { customerScopeCondition, tenantScopeCondition } from "../sql/tenant-scope-sql.ts";
import { type EndedFilter, likePattern } from "./entitlement-list-repository.ts";

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Customers by name (then id), optionally matching text in the name or external id. */
export async function pageCustomers(
  db: Db,
  query: {
    q: string | null;
    limit: number;
    cursor?: string | undefined;
    visibleTo: TenantScope;
  },
): Promise<Page<CustomerView>> {
  const conditions: SQL[] = [];
  if (query.q) {
    conditions.push(
      sql`(c.name ilike ${likePattern(query.q)} or c.external_id ilike ${likePattern(query.q)})`,
    );
  }
  const visible = customerScopeCondition(query.visibleTo, sql`c.id`);
  if (visible) conditions.push(visible);
  // Customers a full feed ended are kept for their history, out of the default list.
  conditions.push(sql`c.ended_at is null`);
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  // Counted over the tenants the caller may see, so a count does not reveal hidden tenants.
  const tenantVisible = tenantScopeCondition(query.visibleTo, {
    id: sql`t.id`,
    customerId: sql`t.customer_id`,
  });
  const page = await keysetPage(db, {
    scope: "customers:name:asc",
    id: sql`c.id`,
    from: sql`from customers c ${where}`,
    keys: [{ expr: sql`c.name`, cast: "text" }],
    order: "asc",
    cursor: query.cursor,
    limit: query.limit,
  });
  if (page.ids.length === 0) return { items: [], nextCursor: page.nextCursor };
  const rows = await rowsOf<CustomerView>(
    db,
    sql`select c.id::text as "id", c.external_id as "externalId", c.name as "name",
          (select count(*) from tenants t where t.customer_id = c.id and t.ended_at is null
            ${tenantVisible ? sql`and ${tenantVisible}` : sql``})::int as "tenantCount"
        from customers c where c.id in (${idList(page.ids)})`,
  );
  return { items: inOrder(page.ids, rows), nextCursor: page.nextCursor };
}

/** Tenants by name (then id), optionally of one customer and matching text in tenant or customer names or the domain. */
export async function pageTenants(
  db: Db,
  query: {
    customerId: string | null;
    ended: EndedFilter;
    q: string | null;
    limit: number;
    cursor?: string | undefined;
    visibleTo: TenantScope;
  },
): Promise<Page<TenantView>> {
  const conditions: SQL[] = [];
  const visible = tenantScopeCondition(query.visibleTo, { id: sql`t.id`, customerId: sql`t.customer_id` });
  if (visible) conditions.push(visible);
  if (query.ended === "exclude") conditions.push(sql`t.ended_at is null`);
  if (query.ended === "only") conditions.push(sql`t.ended_at is not null`);
  if (query.customerId) conditions.push(sql`t.customer_id = ${query.customerId}::uuid`);
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(sql`(t.name ilike ${pattern} or t.domain ilike ${pattern} or c.name ilike ${pattern})`);
  }
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const page = await keysetPage(db, {
    scope: "tenants:name:asc",
    id: sql`t.id`,
    from: sql`from tenants t join customers c on c.id = t.customer_id ${where}`,
    keys: [{ expr: sql`t.name`, cast: "text" }],
    order: "asc",
    cursor: query.cursor,
    limit: query.limit,
  });
  return { items: await tenantViews(db, page.ids), nextCursor: page.nextCursor };
}

/** Tenant views with seat totals, in the order of `ids`. */
export async function tenantViews(db: Db, ids: readonly string[]): Promise<TenantView[]> {
  const wanted = ids.filter(isUuid);
  if (wanted.length === 0) return [];
  const rows = await rowsOf<{
    id: string;
    name: string;
    domain: string;
    priority: string;
    customerId: string;
    customerName: string;
    externalId: string;
    entitlementCount: number;
    availableSeats: number;
    blockedSeats: number;
    tenantKey: string | null;
    endedAt: string | null;
  }>(
    db,
    sql`select t.id::text as "id", t.name as "name", t.domain as "domain", t.priority as "priority",
          c.id::text as "customerId", c.name as "customerName", c.external_id as "externalId",
          t.external_id as "tenantKey", to_char(t.ended_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "endedAt",
          (select count(*) from entitlements e where e.tenant_id = t.id and e.ended_at is null)::int
            as "entitlementCount",
          coalesce((select sum(e.available_seats) from entitlements e
                    where e.tenant_id = t.id and e.ended_at is null), 0)::int as "availableSeats",
          coalesce((select sum(s.seats) from status_segments s join entitlements e on e.id = s.entitlement_id
                    where e.tenant_id = t.id and e.ended_at is null and s.l1 = ${blockedL1}), 0)::int as "blockedSeats"
        from tenants t join customers c on c.id = t.customer_id
        where t.id in (${idList(wanted)})`,
  );
  const views = rows.map((row) => ({
    id: row.id,
    name: row.name,
    domain: row.domain,
    priority: row.priority,
    customer: { id: row.customerId, name: row.customerName, externalId: row.externalId },
    entitlementCount: row.entitlementCount,
    availableSeats: row.availableSeats,
    blockedSeats: row.blockedSeats,
    externalId: row.tenantKey,
    endedAt: row.endedAt,
  }));
  return inOrder(wanted, views);
}

/** Ids of a tenant's entitlements, by service name. */
export async function entitlementIdsOfTenant(db: Db, tenantId: string): Promise<string[]> {
  if (!isUuid(tenantId)) return [];
  const rows = await db
    .select({ id: entitlements.id })
    .from(entitlements)
    .innerJoin(services, eq(services.id, entitlements.serviceId))
    .where(and(eq(entitlements.tenantId, tenantId), isNull(entitlements.endedAt)))
    .orderBy(asc(services.name), asc(entitlements.id));
  return rows.map((row) => row.id);
}

/** Ids of a customer's tenants within `visibleTo`, by name. */
export async function tenantIdsOfCustomer(
  db: Db,
  customerId: string,
  visibleTo: TenantScope,
): Promise<string[]> {
  if (!isUuid(customerId)) return [];
  const visible = tenantScopeCondition(visibleTo, { id: sql`t.id`, customerId: sql`t.customer_id` });
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select t.id::text as "id" from tenants t
        where t.customer_id = ${customerId}::uuid and t.ended_at is null ${visible ? sql`and ${visible}` : sql``}
        order by t.name, t.id`,
  );
  return rows.map((row) => row.id);
}

export async function findCustomer(db: Db, id: string): Promise<CustomerView | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      id: customers.id,
      externalId: customers.externalId,
      name: customers.name,
      tenantCount: sql<number>`(select count(*) from tenants t
        where t.customer_id = customers.id and t.ended_at is null)::int`,
    })
    .from(customers)
    .where(eq(customers.id, id));
  return row ?? null;
}

function idList(ids: readonly string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}

function inOrder<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
