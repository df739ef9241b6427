import type { Db } from "../../db/client.ts";
import { insertEscalation } from "../../db/repositories/escalation-repository.ts";
import { activeMemberIds } from "../../db/repositories/resolver-group-repository.ts";
import { raiseWebhookEvent } from "../../db/repositories/webhook-event-repository.ts";
import { addBusinessDays } from "../../domain/escalations/business-days.ts";
import type { EscalationRuleId, Resolver } from "../../domain/escalations/escalation-policy.ts";
import { escalationMessageIn, type RuleValues } from "../../domain/escalations/rule-escalation-message.ts";
import type { Language } from "../../domain/i18n/languages.ts";
import { formatIsoDate } from "../../domain/i18n/rule-text.ts";
import { noticeText } from "../../domain/i18n/server-texts.ts";
import type { Actor } from "../app-deps.ts";
import { notifyInTransaction } from "../notifications/notify.ts";

export interface EscalationToRaise {
  entitlementId: string;
  serviceId: string;
  /** For the notice: the service's and the tenant's names ("Exchange at Contoso Europe"). */
  about: { service: string; tenant: string };
  /** The L2's name in a language, for the notice (the resolver's English name without it). */
  l2NameIn?: (language: Language) => string;
  resolver: Resolver;
  /** The message as stored: a person's words, or a rule's in English. */
  message: string;
  rule: EscalationRuleId | null;
  /** A rule's message values, kept to say it in each reader's language; null for a person's. */
  ruleValues: RuleValues | null;
  spellStart: string | null;
  /** The person escalating; null for a playbook rule. */
  opener: Actor | null;
}

/**
 * Opens an escalation in the caller's transaction, with what must commit with
 * it: the "opened" event (its history), the escalation.opened webhook event
 * and a notice to each member of the group (inbox and mail) but the opener.
 * Null, with nothing written, when it exists already (a rule's for this
 * spell, or a person's still waiting on the group). Part of openEscalation
 * and the rules' job, which checked who may.
 */
export async function raiseEscalation(tx: Db, now: Date, input: EscalationToRaise): Promise<string | null> {
  const { resolver, opener } = input;
  const dueOn = addBusinessDays(now, resolver.slaBusinessDays);
  const openedBy = opener?.id ? opener.id : null;
  const id = await insertEscalation(tx, {
    entitlementId: input.entitlementId,
    group: resolver.group,
    l1: resolver.l1,
    l2: resolver.l2,
    message: input.message,
    rule: input.rule,
    ruleValues: input.ruleValues,
    spellStart: input.spellStart,
    dueOn,
    openedBy,
    at: now,
  });
  if (!id) return null;
  await raiseWebhookEvent(
    tx,
    {
      type: "escalation.opened",
      entitlementId: input.entitlementId,
      data: {
        escalationId: id,
        entitlementId: input.entitlementId,
        serviceId: input.serviceId,
        group: resolver.group,
        l1: resolver.l1,
        l2: resolver.l2,
        state: "open",
        rule: input.rule,
        message: input.message,
        dueOn,
        openedBy: opener ? { name: opener.name, email: opener.email } : null,
      },
    },
    now,
  );
  const members = (await activeMemberIds(tx, resolver.group)).filter((userId) => userId !== openedBy);
  await notifyInTransaction(tx, now, {
    userIds: members,
    kind: "escalation_opened",
    entitlementId: input.entitlementId,
    text: (language) =>
      noticeText.say(language, opener ? "escalation_opened_by" : "escalation_opened_by_rule", {
        about: noticeText.say(language, "about", input.about),
        group: resolver.group,
        l2: input.l2NameIn?.(language) ?? resolver.l2Name,
        name: opener?.name ?? "",
        date: formatIsoDate(language, dueOn),
        message: escalationMessageIn(language, input),
      }),
  });
  return id;
}
