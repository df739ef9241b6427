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
  return sql`exists (select 1 from assignments scope_a where scope_a.user_id = ${scope.userId}::uuid
    and (scope_a.tenant_id = ${tenant.id} or scope_a.customer_id = ${tenant.customerId}))`;
}

/** The same for customers: visible when assigned to the customer or to one of its tenants. */
export function customerScopeCondition(scope: TenantScope | undefined, customerId: SQL): SQL | null {
  if (scope?.kind === "all") return null;
  if (!scope || scope.kind === "none" || !isUuid(scope.userId)) return sql`false`;
  return sql`exists (select 1 from assignments scope_a where scope_a.user_id = ${scope.userId}::uuid
    and (scope_a.customer_id = ${customerId}
      or scope_a.tenant_id in (select scope_t.id from tenants scope_t where scope_t.customer_id = ${customerId})))`;
}
