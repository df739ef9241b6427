import { defaultLanguage, type Language } from "../i18n/languages.ts";
import { formatIsoDate } from "../i18n/rule-text.ts";
import { escalationText } from "../i18n/server-texts.ts";
import type { EscalationRuleId } from "./escalation-policy.ts";

/**
 * The values of a rule-raised escalation's message, kept with it (`rule_values`)
 * so each reader reads the message in their language: the rule's days and, for
 * target_slipped, the spell's first target date and today's (ISO dates).
 */
export interface RuleValues {
  days: number;
  from?: string;
  to?: string;
}

/** The values of a rule's message: target_slipped names the first target and today's. */
export function ruleValuesOf(
  rule: EscalationRuleId,
  days: number,
  targets: { firstTarget: string | null; targetNow: string | null },
): RuleValues {
  if (rule !== "target_slipped") return { days };
  return { days, from: targets.firstTarget ?? "", to: targets.targetNow ?? "" };
}

/** A rule's message in `language`, its dates in the language's format. */
export function ruleMessage(language: Language, rule: EscalationRuleId, values: RuleValues): string {
  return escalationText.say(language, rule, {
    days: values.days,
    from: formatIsoDate(language, values.from ?? ""),
    to: formatIsoDate(language, values.to ?? ""),
  });
}

/** Values read back from the database: a number of days, and dates as strings, or nothing usable. */
function storedValues(value: unknown): RuleValues | null {
  if (!value || typeof value !== "object") return null;
  const { days, from, to } = value as Record<string, unknown>;
  if (typeof days !== "number") return null;
  return {
    days,
    ...(typeof from === "string" ? { from } : {}),
    ...(typeof to === "string" ? { to } : {}),
  };
}

/**
 * An escalation's message as a reader of `language` reads it: a rule's said
 * again from its values; a person's as written, and a rule's stored without
 * values (raised before they were kept) as stored, in English.
 */
export function escalationMessageIn(
  language: Language | null | undefined,
  escalation: { rule: EscalationRuleId | null; ruleValues?: unknown; message: string },
): string {
  const values = storedValues(escalation.ruleValues);
  if (!escalation.rule || !values) return escalation.message;
  return ruleMessage(language ?? defaultLanguage, escalation.rule, values);
}
