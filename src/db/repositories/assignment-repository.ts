import { type Placeholder, type SQL, sql } from "drizzle-orm";
import type { Access } from "../../domain/policy/authorize.ts";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { AssignmentView } from "../../http/schemas/users.ts";
import type { Db } from "../client.ts";
import { isUuid, rowsOf } from "../infra/raw-rows.ts";
import { assignments } from "../schema.ts";
import { tenantScopeCondition } from "../sql/tenant-scope-sql.ts";

/** A tenant an action targets, with how the user is assigned to it. */
export interface TenantAccess {
  tenantId: string;
  customerId: string;
  access: Access;
}

/** The id uuid columns are compared with when the actor has no user row (the CLI's system actor). */
const nobody = "00000000-0000-0000-0000-000000000000";
/** An id to compare with a uuid column: the id itself, or one no row has (the CLI's system actor, a malformed id). */
export const uuidOrNobody = (id: string) => (isUuid(id) ? id : nobody);

export interface AccessRow {
  tenantId: string;
  customerId: string;
  viaTenant: boolean;
  viaCustomer: boolean;
  primary: boolean;
}

export function accessOf(row: AccessRow): TenantAccess {
  return {
    tenantId: row.tenantId,
    customerId: row.customerId,
    access: {
      via: row.viaCustomer ? "customer" : row.viaTenant ? "tenant" : "none",
      primary: row.primary,
    },
  };
}

/**
 * The user's assignments to the tenant aliased `tenant` as one row named
 * `access` ("viaTenant", "viaCustomer", "primary"), to join after the tenant:
 * the one statement of the assignment rule, for the checks here and for the
 * reads that check access in the same round trip (a status change).
 */
export function assignmentAccessJoin(userId: string | Placeholder | SQL, tenant: "t" | "et"): SQL {
  const t = sql.raw(tenant);
  // A placeholder or a column (prepared statements) stands for a value uuidOrNobody has checked.
  const user = typeof userId === "string" ? uuidOrNobody(userId) : userId;
  return sql`cross join lateral (
    select coalesce(bool_or(a.tenant_id is not null), false) as "viaTenant",
           coalesce(bool_or(a.customer_id is not null), false) as "viaCustomer",
           coalesce(bool_or(a.is_primary = 1), false) as "primary"
      from assignments a
     where a.user_id = ${user}::uuid and (a.tenant_id = ${t}.id or a.customer_id = ${t}.customer_id)
  ) access`;
}

/** `from` names the tenant as `t` (joining what it needs); `where` picks the one row. */
async function tenantAccess(db: Db, userId: string, from: SQL, where: SQL): Promise<TenantAccess | null> {
  const [row] = await rowsOf<AccessRow>(
    db,
    sql`select t.id::text as "tenantId", t.customer_id::text as "customerId",
          access."viaTenant", access."viaCustomer", access."primary"
        ${from}
        ${assignmentAccessJoin(userId, "t")}
        where ${where}`,
  );
  return row ? accessOf(row) : null;
}

/** How a user is assigned to a tenant; null when there is no such tenant. */
export function accessToTenant(db: Db, userId: string, tenantId: string): Promise<TenantAccess | null> {
  if (!isUuid(tenantId)) return Promise.resolve(null);
  return tenantAccess(db, userId, sql`from tenants t`, sql`t.id = ${tenantId}::uuid`);
}

/** How a user is assigned to the tenant of an entitlement; null when there is no such entitlement. */
export function accessToEntitlement(
  db: Db,
  userId: string,
  entitlementId: string,
): Promise<TenantAccess | null> {
  if (!isUuid(entitlementId)) return Promise.resolve(null);
  return tenantAccess(
    db,
    userId,
    sql`from entitlements e join tenants t on t.id = e.tenant_id`,
    sql`e.id = ${entitlementId}::uuid`,
  );
}

/**
 * How a user is assigned to a customer: `customer` through a customer
 * assignment (primary when that one is), `tenant` through some of its tenants
 * only. Null when there is no such customer.
 */
export async function accessToCustomer(db: Db, userId: string, customerId: string): Promise<Access | null> {
  if (!isUuid(customerId)) return null;
  const [row] = await rowsOf<{ viaTenant: boolean; viaCustomer: boolean; primary: boolean }>(
    db,
    sql`select coalesce(bool_or(a.tenant_id is not null), false) as "viaTenant",
          coalesce(bool_or(a.customer_id is not null), false) as "viaCustomer",
          coalesce(bool_or(a.customer_id is not null and a.is_primary = 1), false) as "primary"
        from customers c
        left join assignments a on a.user_id = ${uuidOrNobody(userId)}::uuid
          and (a.customer_id = c.id or a.tenant_id in (select t.id from tenants t where t.customer_id = c.id))
        where c.id = ${customerId}::uuid
        group by c.id`,
  );
  if (!row) return null;
  return {
    via: row.viaCustomer ? "customer" : row.viaTenant ? "tenant" : "none",
    primary: row.viaCustomer && row.primary,
  };
}

export interface AssignmentQuery {
  userId: string | null;
  tenantId: string | null;
  customerId: string | null;
  /** Only assignments on tenants (and customers of tenants) within this scope. */
  visibleTo: TenantScope;
}

const viewColumns = sql`a.id::text as "id", a.is_primary = 1 as "primary",
  to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
  u.id::text as "userId", u.email as "userEmail", u.name as "userName", u.role as "userRole",
  c.id::text as "customerId", c.name as "customerName", c.external_id as "customerExternalId",
  t.id::text as "tenantId", t.name as "tenantName", t.domain as "tenantDomain",
  t.customer_id::text as "tenantCustomerId"`;

interface ViewRow {
  id: string;
  primary: boolean;
  createdAt: string;
  userId: string;
  userEmail: string;
  userName: string;
  userRole: string;
  customerId: string | null;
  customerName: string | null;
  customerExternalId: string | null;
  tenantId: string | null;
  tenantName: string | null;
  tenantDomain: string | null;
  tenantCustomerId: string | null;
}

function viewOf(row: ViewRow): AssignmentView {
  return {
    id: row.id,
    user: { id: row.userId, email: row.userEmail, name: row.userName, role: row.userRole },
    customer:
      row.customerId === null
        ? null
        : { id: row.customerId, name: row.customerName ?? "", externalId: row.customerExternalId ?? "" },
    tenant:
      row.tenantId === null
        ? null
        : {
            id: row.tenantId,
            name: row.tenantName ?? "",
            domain: row.tenantDomain ?? "",
            customerId: row.tenantCustomerId ?? "",
          },
    primary: row.primary,
    createdAt: row.createdAt,
  };
}

const fromAssignments = sql`from assignments a
  join users u on u.id = a.user_id
  left join customers c on c.id = a.customer_id
  left join tenants t on t.id = a.tenant_id`;

/** Assignments matching the query, customers first, then tenants, by name. */
export async function listAssignmentViews(db: Db, query: AssignmentQuery): Promise<AssignmentView[]> {
  const conditions: SQL[] = [];
  if (query.userId) conditions.push(sql`a.user_id = ${uuidOrNobody(query.userId)}::uuid`);
  if (query.tenantId) conditions.push(sql`a.tenant_id = ${uuidOrNobody(query.tenantId)}::uuid`);
  if (query.customerId) conditions.push(sql`a.customer_id = ${uuidOrNobody(query.customerId)}::uuid`);
  const tenantVisible = tenantScopeCondition(query.visibleTo, {
    id: sql`t.id`,
    customerId: sql`t.customer_id`,
  });
  const customerVisible = tenantScopeCondition(query.visibleTo, {
    id: sql`null::uuid`,
    customerId: sql`c.id`,
  });
  if (tenantVisible && customerVisible) {
    conditions.push(sql`((a.tenant_id is not null and ${tenantVisible})
      or (a.customer_id is not null and ${customerVisible}))`);
  }
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const rows = await rowsOf<ViewRow>(
    db,
    sql`select ${viewColumns} ${fromAssignments} ${where}
        order by (a.customer_id is null), coalesce(c.name, t.name), u.name, a.id
        limit 5000`,
  );
  return rows.map(viewOf);
}

export async function findAssignmentView(db: Db, id: string): Promise<AssignmentView | null> {
  if (!isUuid(id)) return null;
  const [row] = await rowsOf<ViewRow>(
    db,
    sql`select ${viewColumns} ${fromAssignments} where a.id = ${id}::uuid`,
  );
  return row ? viewOf(row) : null;
}

export type AssignmentTarget = { tenantId: string } | { customerId: string };

/** The user's existing assignment to exactly this target (not one that merely covers it), or null. */
export async function findAssignmentTo(
  db: Db,
  userId: string,
  target: AssignmentTarget,
): Promise<string | null> {
  const on =
    "tenantId" in target
      ? sql`a.tenant_id = ${target.tenantId}::uuid`
      : sql`a.customer_id = ${target.customerId}::uuid`;
  const [row] = await rowsOf<{ id: string }>(
    db,
    sql`select a.id::text as "id" from assignments a where a.user_id = ${userId}::uuid and ${on}
        order by a.created_at limit 1 for update`,
  );
  return row?.id ?? null;
}

export async function insertAssignment(
  db: Db,
  input: { userId: string; target: AssignmentTarget; primary: boolean; now: Date },
): Promise<string> {
  const [row] = await db
    .insert(assignments)
    .values({
      userId: input.userId,
      tenantId: "tenantId" in input.target ? input.target.tenantId : null,
      customerId: "customerId" in input.target ? input.target.customerId : null,
      primary: input.primary ? 1 : 0,
      createdAt: input.now,
    })
    .returning({ id: assignments.id });
  if (!row) throw new Error("The assignment was not stored");
  return row.id;
}

export async function setAssignmentPrimary(db: Db, id: string, primary: boolean): Promise<void> {
  await db.execute(sql`update assignments set is_primary = ${primary ? 1 : 0} where id = ${id}::uuid`);
}

export async function deleteAssignment(db: Db, id: string): Promise<void> {
  await db.execute(sql`delete from assignments where id = ${id}::uuid`);
}

/** How a user is assigned to each tenant named by domain (lower-case keys); tenants that do not exist are absent. */
export async function accessByTenantDomain(
  db: Db,
  userId: string,
  domains: readonly string[],
): Promise<Map<string, Access>> {
  const found = new Map<string, Access>();
  const unique = [...new Set(domains.map((domain) => domain.toLowerCase()))];
  for (let start = 0; start < unique.length; start += 1000) {
    const part = unique.slice(start, start + 1000);
    const rows = await rowsOf<{ domain: string; viaTenant: boolean; viaCustomer: boolean; primary: boolean }>(
      db,
      sql`select lower(t.domain) as "domain",
            coalesce(bool_or(a.tenant_id is not null), false) as "viaTenant",
            coalesce(bool_or(a.customer_id is not null), false) as "viaCustomer",
            coalesce(bool_or(a.is_primary = 1), false) as "primary"
          from tenants t
          left join assignments a on a.user_id = ${uuidOrNobody(userId)}::uuid
            and (a.tenant_id = t.id or a.customer_id = t.customer_id)
          where lower(t.domain) in (${sql.join(
            part.map((domain) => sql`${domain}`),
            sql`, `,
          )})
          group by t.id, lower(t.domain)`,
    );
    for (const row of rows) {
      found.set(row.domain, {
        via: row.viaCustomer ? "customer" : row.viaTenant ? "tenant" : "none",
        primary: row.primary,
      });
    }
  }
  return found;
}

/** A tenant named by id or by its domain (case-insensitive), for the CLI. */
export async function findTenantByKey(db: Db, key: string): Promise<{ id: string; name: string } | null> {
  const [row] = await rowsOf<{ id: string; name: string }>(
    db,
    isUuid(key)
      ? sql`select id::text as "id", name from tenants where id = ${key}::uuid`
      : sql`select id::text as "id", name from tenants where lower(domain) = ${key.trim().toLowerCase()}`,
  );
  return row ?? null;
}

/** A customer named by id or by its external (top-parent) id, for the CLI. */
export async function findCustomerByKey(db: Db, key: string): Promise<{ id: string; name: string } | null> {
  const [row] = await rowsOf<{ id: string; name: string }>(
    db,
    isUuid(key)
      ? sql`select id::text as "id", name from customers where id = ${key}::uuid`
      : sql`select id::text as "id", name from customers where external_id = ${key.trim()}`,
  );
  return row ?? null;
}
