import { pageTenants, type TenantView } from "../../db/repositories/customer-repository.ts";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { AppDeps } from "../app-deps.ts";
import { FilterChecks, textOf } from "../list-filter-checks.ts";

export type { TenantView } from "../../db/repositories/customer-repository.ts";

export interface TenantFilter {
  customerId?: string;
  /** Text in the tenant name, its domain or the customer name. */
  q?: string;
  limit?: number;
  cursor?: string;
  /** The tenants the caller may see (set by the HTTP layer from the actor); absent means all. */
  visibleTo?: TenantScope | undefined;
}

/** One page of tenants by name, with seat totals. */
export async function listTenants(
  deps: AppDeps,
  filter: TenantFilter = {},
): Promise<{ items: TenantView[]; nextCursor: string | null }> {
  const checks = new FilterChecks();
  const customerId = checks.id("customerId", filter.customerId);
  const limit = checks.limit(filter.limit);
  checks.done();
  return pageTenants(deps.database.db, {
    customerId,
    q: textOf(filter.q),
    limit,
    cursor: filter.cursor || undefined,
    visibleTo: filter.visibleTo,
  });
}
