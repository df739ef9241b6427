import { type CustomerView, pageCustomers } from "../../db/repositories/customer-repository.ts";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { AppDeps } from "../app-deps.ts";
import { FilterChecks, textOf } from "../list-filter-checks.ts";

export type { CustomerView } from "../../db/repositories/customer-repository.ts";

export interface CustomerFilter {
  /** Text in the customer name or external id. */
  q?: string;
  limit?: number;
  cursor?: string;
  /** The tenants the caller may see (set by the HTTP layer from the actor); absent means all. */
  visibleTo?: TenantScope | undefined;
}

/** One page of customers by name, with how many tenants each has. */
export async function listCustomers(
  deps: AppDeps,
  filter: CustomerFilter = {},
): Promise<{ items: CustomerView[]; nextCursor: string | null }> {
  const checks = new FilterChecks();
  const limit = checks.limit(filter.limit);
  checks.done();
  return pageCustomers(deps.database.db, {
    q: textOf(filter.q),
    limit,
    cursor: filter.cursor || undefined,
    visibleTo: filter.visibleTo,
  });
}
