import { defaultLanguage, type Language, localeOf } from "./languages.ts";
import { ruleMessagesDe } from "./rule-messages-de.ts";
import { type RuleMessageKey, type RuleMessages, ruleMessagesEn } from "./rule-messages-en.ts";

/**
 * The rules' sentences in one language: a catalogue (data) and the locale its
 * numbers, dates and lists are written in. The domain is handed one with the
 * playbook index and formats with the platform's Intl, so it needs no i18n
 * library and knows no request or user.
 */
export interface RuleText {
  readonly language: Language;
  readonly messages: RuleMessages;
}

export type MessageParams = Readonly<Record<string, string | number>>;

export const englishText: RuleText = { language: "en", messages: ruleMessagesEn };

const catalogues: Record<Language, RuleMessages> = { en: ruleMessagesEn, de: ruleMessagesDe };

export function ruleTextFor(language: Language = defaultLanguage): RuleText {
  return language === "en" ? englishText : { language, messages: catalogues[language] };
}

/** Fills `{name}` in a template; numbers are written in the language's locale. */
export function fillTemplate(template: string, params: MessageParams, language: Language): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? formatNumber(language, value) : value;
  });
}

/** The sentence `key` in the text's language, with its values filled in. */
export function say(text: RuleText, key: RuleMessageKey, params: MessageParams = {}): string {
  return fillTemplate(text.messages[key] ?? ruleMessagesEn[key], params, text.language);
}

/** `base_one` or `base_other` by the count's plural form in the language. */
export function sayCount(
  text: RuleText,
  base: "seats" | "status_refused",
  count: number,
  params: MessageParams = {},
): string {
  const form = new Intl.PluralRules(localeOf[text.language]).select(count) === "one" ? "one" : "other";
  return say(text, `${base}_${form}` as RuleMessageKey, { ...params, count });
}

const numberFormats = new Map<Language, Intl.NumberFormat>();

/** 1000 -> "1,000" in English, "1.000" in German. */
export function formatNumber(language: Language, value: number): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(localeOf[language]);
    numberFormats.set(language, format);
  }
  return format.format(value);
}

const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/** "2026-03-04" -> "4 Mar 2026" / "4. März 2026"; a value that is no date stays as it is. */
export function formatIsoDate(language: Language, value: string): string {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) return value;
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf[language], {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    });
    dateFormats.set(language, format);
  }
  return format.format(date);
}

/** "a, b or c" / "a, b oder c". */
export function orList(text: RuleText, items: readonly string[]): string {
  return new Intl.ListFormat(localeOf[text.language], { type: "disjunction" }).format(items);
}

/** "a, b and c" / "a, b und c". */
export function andList(text: RuleText, items: readonly string[]): string {
  return new Intl.ListFormat(localeOf[text.language], { type: "conjunction" }).format(items);
}

/** A sentence's first letter in upper case ("the Delivery FM ..." at the start of a sentence). */
export function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
