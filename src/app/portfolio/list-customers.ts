import { pageCustomers } from "../../db/repositories/customer-repository.ts";
import type { CustomerView } from "../../http/schemas/portfolio.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { listScopeOf } from "../auth/authorize-actor.ts";
import { FilterChecks, textOf } from "../list-filter-checks.ts";

export interface CustomerFilter {
  /** Text in the customer name or external id. */
  q?: string;
  limit?: number;
  cursor?: string;
}

/** One page of the customers the actor may see, by name, with how many tenants each has (that it sees). */
export async function listCustomers(
  deps: AppDeps,
  actor: Actor,
  filter: CustomerFilter = {},
): Promise<{ items: CustomerView[]; nextCursor: string | null }> {
  const visibleTo = listScopeOf(deps, actor);
  const checks = new FilterChecks();
  const limit = checks.limit(filter.limit);
  checks.done();
  return pageCustomers(deps.database.db, {
    q: textOf(filter.q),
    limit,
    cursor: filter.cursor || undefined,
    visibleTo,
  });
}
