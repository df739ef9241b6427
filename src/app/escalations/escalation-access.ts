import type { Db } from "../../db/client.ts";
import { accessToEntitlement } from "../../db/repositories/assignment-repository.ts";
import { type EscalationRow, findEscalationRow } from "../../db/repositories/escalation-repository.ts";
import { groupsOf } from "../../db/repositories/resolver-group-repository.ts";
import { AppError, saidError } from "../../domain/app-error.ts";
import { isActive, mayHandle } from "../../domain/escalations/escalation-policy.ts";
import { escalationMessageIn } from "../../domain/escalations/rule-escalation-message.ts";
import type { Language } from "../../domain/i18n/languages.ts";
import { escalationText } from "../../domain/i18n/server-texts.ts";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { Escalation } from "../../http/schemas/escalations.ts";
import { type Actor, type AppDeps, todayOf } from "../app-deps.ts";
import { decide, requireActor, rowScopeOf } from "../auth/authorize-actor.ts";
import { indexFor } from "../playbook/playbook-translations.ts";

/**
 * Who sees which escalations: those on the tenants the actor reads, and those
 * sent to the groups it belongs to (a product group member may read no tenant
 * and still answers its group's escalations). Everything else is not found.
 */
export interface EscalationReader {
  actor: Actor;
  scope: TenantScope;
  memberOf: string[];
}

export async function escalationReader(deps: AppDeps, actor: Actor): Promise<EscalationReader> {
  requireActor(deps, actor);
  return { actor, scope: rowScopeOf(deps, actor), memberOf: await groupsOf(deps.database.db, actor.id) };
}

/** One escalation the actor may see, and whether it may answer it; not_found otherwise. */
export async function visibleEscalation(
  deps: AppDeps,
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ row: EscalationRow; reader: EscalationReader; isMember: boolean }> {
  const reader = await escalationReader(deps, actor);
  const row = await findEscalationRow(db, id);
  const notFound = saidError("not_found", "no_escalation", { id }, { detail: { escalationId: id } });
  if (!row) throw notFound;
  const isMember = reader.memberOf.includes(row.group);
  if (!isMember && !(await readsTenant(deps, db, actor, row.entitlementId))) throw notFound;
  return { row, reader, isMember };
}

async function readsTenant(deps: AppDeps, db: Db, actor: Actor, entitlementId: string): Promise<boolean> {
  const found = await accessToEntitlement(db, actor.id, entitlementId);
  return found !== null && decide(deps, actor, { type: "tenant.read" }, found.access).allowed;
}

/** The refusal of someone who may not answer an escalation of `group`. */
export function requireHandler(actor: Actor, isMember: boolean, group: string): void {
  const decision = mayHandle(actor.role, isMember, group);
  if (decision.allowed) return;
  // The sentence in the asker's language; `reason` and `instead` stay as the policy words them.
  const textIn = (language: Language) => escalationText.say(language, "not_group_member", { group });
  throw new AppError("forbidden", textIn("en"), {
    textIn,
    detail: { rule: decision.rule, reason: decision.reason, instead: decision.instead },
  });
}

/**
 * An escalation as the API shows it to this reader: the L2's name and a rule's
 * message in the reader's language (the rule's values are not answered).
 */
export function escalationView(deps: AppDeps, row: EscalationRow, reader: EscalationReader): Escalation {
  const { ruleValues: _, ...shown } = row;
  const l2 = indexFor(deps, reader.actor).l2(row.l1, row.l2);
  return {
    ...shown,
    message: escalationMessageIn(reader.actor.language, row),
    l2Name: l2?.name ?? row.l2,
    overdue: isActive(row.state) && todayOf(deps.now()) > row.dueOn,
    canHandle: mayHandle(reader.actor.role, reader.memberOf.includes(row.group), row.group).allowed,
  };
}
