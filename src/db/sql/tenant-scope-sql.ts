import { type SQL, sql } from "drizzle-orm";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import { isUuid } from "../infra/raw-rows.ts";

/**
 * The SQL condition that keeps a query to the tenants a scope allows, given
 * the query's expressions for the tenant id and its customer id. Null when the
 * scope is every tenant. Assignments to the customer cover all its tenants.
 * Fail-closed: a scope a caller left out shows nothing, never everything.
 */
export function tenantScopeCondition(
  scope: TenantScope | undefined,
  tenant: { id: SQL; customerId: SQL },
): SQL | null {
  if (scope?.kind === "all") return null;
  if (!scope || scope.kind === "none" || !isUuid(scope.userId)) return sql`false`;
  if (scope.kind === "mine") return mineCondition(scope, tenant);
  return sql`exists (select 1 from assignments scope_a where scope_a.user_id = ${scope.userId}::uuid
    and (scope_a.tenant_id = ${tenant.id} or scope_a.customer_id = ${tenant.customerId}))`;
}

/**
 * "My portfolio" within what the actor may read: assigned to the tenant or its
 * customer, or the person owner of one of the tenant's segments (a team owner
 * is the user's only where they are assigned, which the first case covers).
 * The user's tenants are one uncorrelated set, read once and hashed, not
 * looked up again for every row a report aggregates.
 */
function mineCondition(scope: TenantScope & { kind: "mine" }, tenant: { id: SQL; customerId: SQL }): SQL {
  const within = tenantScopeCondition(scope.within, tenant);
  const user = sql`${scope.userId}::uuid`;
  const mine = sql`${tenant.id} in (
    select mine_a.tenant_id from assignments mine_a where mine_a.user_id = ${user} and mine_a.tenant_id is not null
    union select mine_t.id from assignments mine_a join tenants mine_t on mine_t.customer_id = mine_a.customer_id
      where mine_a.user_id = ${user}
    union select mine_e.tenant_id from status_segments mine_s join entitlements mine_e on mine_e.id = mine_s.entitlement_id
      where mine_s.owner_user_id = ${user})`;
  return within ? sql`(${within} and ${mine})` : mine;
}

/** The same for customers: visible when assigned to the customer or to one of its tenants. */
export function customerScopeCondition(scope: TenantScope | undefined, customerId: SQL): SQL | null {
  if (scope?.kind === "all") return null;
  if (!scope || scope.kind === "none" || !isUuid(scope.userId)) return sql`false`;
  if (scope.kind === "mine") {
    const tenant = tenantScopeCondition(scope, { id: sql`mine_ct.id`, customerId: sql`mine_ct.customer_id` });
    return sql`exists (select 1 from tenants mine_ct where mine_ct.customer_id = ${customerId} and ${tenant})`;
  }
  return sql`exists (select 1 from assignments scope_a where scope_a.user_id = ${scope.userId}::uuid
    and (scope_a.customer_id = ${customerId}
      or scope_a.tenant_id in (select scope_t.id from tenants scope_t where scope_t.customer_id = ${customerId})))`;
}
