import { historyOf } from "../../db/repositories/history-repository.ts";
import type { HistoryEntry } from "../../http/schemas/entitlements.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireTenantAction } from "../auth/authorize-actor.ts";

/**
 * Every status change of an entitlement, newest first, with who made it, if
 * the actor may read its tenant; not_found when absent or concealed from it.
 */
export async function getEntitlementHistory(
  deps: AppDeps,
  actor: Actor,
  entitlementId: string,
): Promise<HistoryEntry[]> {
  const db = deps.database.db;
  // A missing entitlement and a concealed one give the same not_found.
  await requireTenantAction(deps, db, actor, { type: "tenant.read" }, { entitlementId });
  return historyOf(db, entitlementId);
}
