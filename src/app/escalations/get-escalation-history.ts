import { escalationHistoryOf } from "../../db/repositories/escalation-repository.ts";
import type { EscalationHistoryEntry } from "../../http/schemas/escalations.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireTenantAction } from "../auth/authorize-actor.ts";

/**
 * The escalations' part of an entitlement's history, newest first: each
 * opening, acknowledgement, resolution, decline and comment, with names.
 * Whoever reads the entitlement reads it; not_found otherwise.
 */
export async function getEscalationHistory(
  deps: AppDeps,
  actor: Actor,
  entitlementId: string,
): Promise<EscalationHistoryEntry[]> {
  const db = deps.database.db;
  await requireTenantAction(deps, db, actor, { type: "tenant.read" }, { entitlementId });
  const rows = await escalationHistoryOf(db, entitlementId);
  return rows.map(({ l1, l2, ...row }) => ({
    ...row,
    l2Name: deps.playbook.index.l2(l1, l2)?.name ?? l2,
  }));
}
