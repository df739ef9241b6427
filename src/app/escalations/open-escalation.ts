import type { Db } from "../../db/client.ts";
import { escalationTarget, findActiveEscalationId } from "../../db/repositories/escalation-repository.ts";
import { AppError, saidError } from "../../domain/app-error.ts";
import { type Resolver, resolverOf } from "../../domain/escalations/escalation-policy.ts";
import type { EscalationMessageKey } from "../../domain/i18n/escalation-messages-en.ts";
import type { Language } from "../../domain/i18n/languages.ts";
import type { MessageParams } from "../../domain/i18n/rule-text.ts";
import { escalationText } from "../../domain/i18n/server-texts.ts";
import { violation } from "../../domain/violation.ts";
import type { EscalationDetail, OpenEscalationBody } from "../../http/schemas/escalations.ts";
import type { AppDeps } from "../app-deps.ts";
import type { WriteContext } from "../audit/record-audit.ts";
import { allowTenantAction, requireTenantAction } from "../auth/authorize-actor.ts";
import { localizedIndex } from "../playbook/playbook-translations.ts";
import { getEscalation } from "./get-escalation.ts";
import { raiseEscalation } from "./raise-escalation.ts";

/**
 * Escalates an entitlement to the resolver group of one of its L2s (the
 * first Blocked segment's unless `l2` names another of its segments'), with
 * a message. Whoever may edit the entitlement in its stage may escalate. A
 * second escalation to a group that has one waiting is a conflict naming it.
 */
export async function openEscalation(
  deps: AppDeps,
  context: WriteContext,
  input: OpenEscalationBody & { entitlementId: string },
): Promise<EscalationDetail> {
  const db = deps.database.db;
  const { actor } = context;
  const where = { entitlementId: input.entitlementId };
  const found = await requireTenantAction(deps, db, actor, { type: "tenant.read" }, where);
  const target = await escalationTarget(db, input.entitlementId);
  if (!target) throw saidError("not_found", "no_entitlement", { id: input.entitlementId }, { detail: where });
  allowTenantAction(deps, actor, { type: "status.write", stage: target.stage }, where, found);
  const resolver = chooseResolver(deps, target.segments, input.l2);
  const now = deps.now();
  const id = await db.transaction((transaction) =>
    raiseEscalation(transaction as unknown as Db, now, {
      entitlementId: target.id,
      serviceId: target.serviceId,
      about: { service: target.serviceName, tenant: target.tenantName },
      l2NameIn: (language) =>
        localizedIndex(deps.playbook, language).l2(resolver.l1, resolver.l2)?.name ?? resolver.l2Name,
      resolver,
      message: input.message.trim(),
      rule: null,
      ruleValues: null,
      spellStart: null,
      opener: actor,
    }),
  );
  if (!id) {
    const waiting = await findActiveEscalationId(db, target.id, resolver.group);
    const textIn = (language: Language) =>
      escalationText.say(language, "still_waiting", { group: resolver.group });
    throw new AppError("conflict", textIn("en"), {
      textIn,
      detail: { escalationId: waiting, group: resolver.group },
    });
  }
  return getEscalation(deps, actor, id);
}

/** The resolver an escalation goes to, or a 422 naming the l2 field. */
function chooseResolver(
  deps: AppDeps,
  segments: readonly { l1: string; l2: string | null }[],
  l2: string | undefined,
): Resolver {
  const index = deps.playbook.index;
  const classified = segments.filter((segment) => segment.l2 !== null) as { l1: string; l2: string }[];
  const refuse = (code: string, key: EscalationMessageKey, instead: string[], params: MessageParams = {}) => {
    const textIn = (language: Language) => escalationText.say(language, key, params);
    return new AppError("validation_failed", textIn("en"), {
      textIn,
      violationsIn: (language) => [violation("l2", code, textIn(language))],
      detail: { instead },
    });
  };
  const offered = classified.map((segment) => segment.l2);
  if (classified.length === 0) {
    throw refuse("no_resolver", "no_resolver", []);
  }
  const chosen =
    l2 === undefined
      ? (classified.find((segment) => segment.l1 === "blocked") ?? classified[0])
      : classified.find((segment) => segment.l2 === l2);
  if (!chosen) {
    throw refuse("not_on_entitlement", "l2_not_on_entitlement", offered, { l2: l2 ?? "" });
  }
  const resolver = resolverOf(index, chosen.l1, chosen.l2);
  if (!resolver) {
    throw refuse("unknown_l2", "l2_unknown", offered, { l2: chosen.l2 });
  }
  return resolver;
}
