import { accessToEntitlement } from "../../db/repositories/assignment-repository.ts";
import { appendEscalationEvent, escalationTarget } from "../../db/repositories/escalation-repository.ts";
import type { EscalationDetail } from "../../http/schemas/escalations.ts";
import type { AppDeps } from "../app-deps.ts";
import type { WriteContext } from "../audit/record-audit.ts";
import { allowTenantAction } from "../auth/authorize-actor.ts";
import { visibleEscalation } from "./escalation-access.ts";
import { getEscalation } from "./get-escalation.ts";

/**
 * Adds a comment to an escalation, in any state: its group's members, Admins
 * and whoever may edit the entitlement in its stage (as may escalate it).
 */
export async function commentOnEscalation(
  deps: AppDeps,
  context: WriteContext,
  input: { id: string; text: string },
): Promise<EscalationDetail> {
  const db = deps.database.db;
  const { actor } = context;
  const { row, isMember } = await visibleEscalation(deps, db, actor, input.id);
  if (!isMember) {
    const where = { entitlementId: row.entitlementId };
    const target = await escalationTarget(db, row.entitlementId);
    const stage = target?.stage ?? "delivery";
    allowTenantAction(
      deps,
      actor,
      { type: "status.write", stage },
      where,
      await accessToEntitlement(db, actor.id, row.entitlementId),
    );
  }
  await appendEscalationEvent(db, {
    escalationId: row.id,
    entitlementId: row.entitlementId,
    at: deps.now(),
    actorId: actor.id || null,
    kind: "commented",
    text: input.text.trim(),
  });
  return getEscalation(deps, actor, row.id);
}
