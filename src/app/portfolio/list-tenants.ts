import { pageTenants } from "../../db/repositories/customer-repository.ts";
import { endedFilters } from "../../db/repositories/entitlement-list-repository.ts";
import type { TenantView } from "../../http/schemas/portfolio.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { listScopeOf } from "../auth/authorize-actor.ts";
import { FilterChecks, textOf } from "../list-filter-checks.ts";

export interface TenantFilter {
  customerId?: string;
  /** Text in the tenant name, its domain or the customer name. */
  q?: string;
  limit?: number;
  cursor?: string;
  /** Tenants a full feed ended: left out (default), included, or only them. */
  ended?: string;
}

/** One page of the tenants the actor may see, by name, with seat totals. */
export async function listTenants(
  deps: AppDeps,
  actor: Actor,
  filter: TenantFilter = {},
): Promise<{ items: TenantView[]; nextCursor: string | null }> {
  const visibleTo = listScopeOf(deps, actor);
  const checks = new FilterChecks();
  const customerId = checks.id("customerId", filter.customerId);
  const limit = checks.limit(filter.limit);
  const ended = checks.oneOf("ended", filter.ended, endedFilters, "exclude");
  checks.done();
  return pageTenants(deps.database.db, {
    customerId,
    ended,
    q: textOf(filter.q),
    limit,
    cursor: filter.cursor || undefined,
    visibleTo,
  });
}
