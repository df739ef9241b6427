import { countMatchingEntitlements } from "../../db/repositories/entitlement-list-repository.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { listScopeOf } from "../auth/authorize-actor.ts";
import { type EntitlementFilter, entitlementQueryOf } from "./list-entitlements.ts";

/**
 * How many entitlements the actor may see match the list's filter (the
 * portfolio's "1,284 entitlements"): exact up to 10,000, else `exact: false`.
 * Apart from the list's pages so that the rows never wait for the count,
 * which at 100,000 tenants can read ten thousand rows where a page reads two
 * hundred. Paging and sort options are ignored; the same refusals as the list.
 */
export async function countEntitlements(
  deps: AppDeps,
  actor: Actor,
  filter: Omit<EntitlementFilter, "limit" | "cursor"> = {},
): Promise<{ count: number; exact: boolean }> {
  const query = entitlementQueryOf(deps, filter, listScopeOf(deps, actor, filter.mine));
  return countMatchingEntitlements(deps.database.db, query);
}
