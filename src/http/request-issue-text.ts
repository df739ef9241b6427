import { z } from "zod";
import type { Language } from "../domain/i18n/languages.ts";

/**
 * The sentences request schemas give in place of zod's own (`.min(0, "...")`),
 * in German. Keyed by the English sentence because that is what the schema
 * carries; a sentence missing here falls back to zod's German default, which
 * names the rule less kindly but in the reader's language.
 */
const germanOfSchemaSentence: Readonly<Record<string, string>> = {
  "at most 500 characters": "höchstens 500 Zeichen",
  "at most 1,000 characters": "höchstens 1.000 Zeichen",
  "at most 2,000 characters": "höchstens 2.000 Zeichen",
  "at most 10,000 characters": "höchstens 10.000 Zeichen",
  "At most 200 characters": "Höchstens 200 Zeichen",
  "at most 500 items per request": "höchstens 500 Einträge je Anfrage",
  "must be 0 or more": "muss 0 oder größer sein",
  "must not be negative": "darf nicht negativ sein",
  "must be a whole number": "muss eine ganze Zahl sein",
  "must be at most 100000": "darf höchstens 100.000 sein",
  "must be at most 1000000": "darf höchstens 1.000.000 sein",
  "must be a date as YYYY-MM-DD": "muss ein Datum im Format JJJJ-MM-TT sein",
  "must be a delivery id": "muss die ID einer Zustellung sein",
  "must be a sync id": "muss die ID eines Abgleichs sein",
  "must name an L1": "muss eine L1 nennen",
  "must not be empty": "darf nicht leer sein",
  "must say what the group should do": "muss sagen, was die Gruppe tun soll",
  "name at least one event": "nennen Sie mindestens ein Ereignis",
  "needs at least one item": "braucht mindestens einen Eintrag",
  "needs at least one segment": "braucht mindestens ein Segment",
  "http or https address in the tracker": "http- oder https-Adresse im Tracker",
  "proposed, planned, in_development or shipped": "proposed, planned, in_development oder shipped",
};

/** What fastify-type-provider-zod keeps of a zod issue: its code, message and the rest as params. */
export interface RequestIssue {
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

const localeOf = { en: z.locales.en(), de: z.locales.de() } as const;

/** Zod's own sentence for an issue in a language (its built-in locales), or null when it has none. */
function zodSentence(language: Language, issue: RequestIssue): string | null {
  const raw = { code: issue.keyword, ...(issue.params ?? {}) } as Parameters<
    ReturnType<typeof z.locales.en>["localeError"]
  >[0];
  const said = localeOf[language].localeError(raw);
  if (typeof said === "string") return said;
  return said?.message ?? null;
}

/**
 * A request check's sentence in the asker's language. English keeps the
 * schema's own words; German translates the schema's sentence, or says zod's
 * rule in German when the schema used zod's default.
 */
export function requestIssueText(language: Language, issue: RequestIssue): string {
  const english = issue.message ?? "is invalid";
  if (language === "en") return english;
  const custom = germanOfSchemaSentence[english];
  if (custom) return custom;
  return zodSentence(language, issue) ?? english;
}
