import { listEscalationRows } from "../../db/repositories/escalation-repository.ts";
import type { EscalationFilter, EscalationList } from "../../http/schemas/escalations.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { escalationReader, escalationView } from "./escalation-access.ts";

/**
 * The escalations queue: those the actor may see (its tenants' and its
 * groups'), narrowed to a group, a state (active: open and acknowledged),
 * an entitlement, or `mine` (the groups it belongs to). Waiting ones first,
 * soonest due first.
 */
export async function listEscalations(
  deps: AppDeps,
  actor: Actor,
  filter: EscalationFilter,
): Promise<EscalationList> {
  const reader = await escalationReader(deps, actor);
  const states =
    filter.state === "active" ? ["open", "acknowledged"] : filter.state ? [filter.state] : undefined;
  const { rows, total } = await listEscalationRows(deps.database.db, {
    scope: reader.scope,
    memberOf: reader.memberOf,
    group: filter.group,
    groups: filter.mine ? reader.memberOf : undefined,
    states,
    entitlementId: filter.entitlementId,
    limit: filter.limit ?? 100,
  });
  return { items: rows.map((row) => escalationView(deps, row, reader)), total };
}
