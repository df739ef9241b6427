import { listAssignmentViews } from "../../db/repositories/assignment-repository.ts";
import type { AssignmentView } from "../../http/schemas/users.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { rowScopeOf } from "../auth/authorize-actor.ts";
import { FilterChecks } from "../list-filter-checks.ts";

export interface AssignmentFilter {
  userId?: string | undefined;
  tenantId?: string | undefined;
  customerId?: string | undefined;
}

/**
 * Assignments on the tenants and customers the actor may see: everything for
 * Admins and Team Leads, their own patch for everyone else, nothing for
 * aggregate-only roles.
 */
export async function listAssignments(
  deps: AppDeps,
  actor: Actor,
  filter: AssignmentFilter = {},
): Promise<AssignmentView[]> {
  const visibleTo = rowScopeOf(deps, actor);
  const checks = new FilterChecks();
  const query = {
    userId: checks.id("userId", filter.userId),
    tenantId: checks.id("tenantId", filter.tenantId),
    customerId: checks.id("customerId", filter.customerId),
    visibleTo,
  };
  checks.done();
  return listAssignmentViews(deps.database.db, query);
}
