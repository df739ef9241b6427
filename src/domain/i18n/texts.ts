import { type Language, localeOf } from "./languages.ts";
import { fillTemplate, type MessageParams } from "./rule-text.ts";

/** One area's sentences in one language: keys to `{name}` templates. */
export type Texts<K extends string> = Readonly<Record<K, string>>;

/** The base of a plural pair: "days" for `days_one` / `days_other`. */
type PluralBase<K extends string> = Bases<K, K>;
type Bases<Each extends string, All extends string> = Each extends `${infer B}_one`
  ? `${B}_other` extends All
    ? B
    : never
  : never;

export interface Sayer<K extends string> {
  /** The sentence `key` in `language`, values filled in (numbers in the language's format). */
  say(language: Language, key: K, params?: MessageParams): string;
  /** `base_one` or `base_other` by the count's plural form, with `count` filled in. */
  sayCount(language: Language, base: PluralBase<K>, count: number, params?: MessageParams): string;
}

const pluralRules = new Map<Language, Intl.PluralRules>();

function pluralOf(language: Language, count: number): "one" | "other" {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules.select(count) === "one" ? "one" : "other";
}

/**
 * The sentences of one area the server writes for a person (notices, mails,
 * refusals, row errors, report labels) in each language: English is the
 * source, a key a translation lacks is said in English (docs/I18N.md). Pure
 * data and Intl, like the rules' RuleText.
 */
export function sayerOf<K extends string>(byLanguage: Record<Language, Texts<K>>): Sayer<K> {
  const say = (language: Language, key: K, params: MessageParams = {}) =>
    fillTemplate(byLanguage[language]?.[key] ?? byLanguage.en[key], params, language);
  return {
    say,
    sayCount: (language, base, count, params = {}) =>
      say(language, `${base}_${pluralOf(language, count)}` as K, { ...params, count }),
  };
}

const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();

/** "2026-03-04T09:30:00Z" -> "4 Mar 2026, 09:30 UTC" / "04.03.2026, 09:30 UTC"; a value that is no time stays. */
export function formatIsoDateTime(language: Language, value: string): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) return value;
  let format = dateTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf[language], {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "UTC",
    });
    dateTimeFormats.set(language, format);
  }
  return `${format.format(time)} UTC`;
}
