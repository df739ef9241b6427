import { escalationHistoryOf } from "../../db/repositories/escalation-repository.ts";
import { escalationMessageIn } from "../../domain/escalations/rule-escalation-message.ts";
import type { EscalationHistoryEntry } from "../../http/schemas/escalations.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireTenantAction } from "../auth/authorize-actor.ts";
import { indexFor } from "../playbook/playbook-translations.ts";

/**
 * The escalations' part of an entitlement's history, newest first: each
 * opening, acknowledgement, resolution, decline and comment, with names
 * and a rule's opening message in the reader's language. Whoever reads the entitlement reads it; not_found otherwise.
 */
export async function getEscalationHistory(
  deps: AppDeps,
  actor: Actor,
  entitlementId: string,
): Promise<EscalationHistoryEntry[]> {
  const db = deps.database.db;
  await requireTenantAction(deps, db, actor, { type: "tenant.read" }, { entitlementId });
  const rows = await escalationHistoryOf(db, entitlementId);
  const index = indexFor(deps, actor);
  return rows.map(({ l1, l2, ruleValues, ...row }) => ({
    ...row,
    l2Name: index.l2(l1, l2)?.name ?? l2,
    text:
      row.kind === "opened" && row.rule
        ? escalationMessageIn(actor.language, { rule: row.rule, ruleValues, message: row.text })
        : row.text,
  }));
}
