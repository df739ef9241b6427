/**
 * The languages Unblock speaks. English is the source language: every text is
 * written in English first, and anything a catalogue or a playbook translation
 * leaves out falls back to it (docs/I18N.md).
 */
export const languages = ["en", "de"] as const;

export type Language = (typeof languages)[number];

export const defaultLanguage: Language = "en";

/** The locale dates and numbers are written in for each language: "4 Mar 2026", "4. März 2026". */
export const localeOf: Record<Language, string> = { en: "en-GB", de: "de-DE" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/** "de-CH" -> "de"; null when the tag names no language Unblock speaks. */
export function languageOfTag(tag: string | null | undefined): Language | null {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return isLanguage(primary) ? primary : null;
}

/**
 * The first language Unblock speaks in an Accept-Language header, by quality
 * ("fr-CH, de;q=0.8, en;q=0.5" -> "de"), or null when it names none.
 */
export function languageFromHeader(header: string | null | undefined): Language | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, order) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { language: languageOfTag(tag), quality: q === undefined ? 1 : Number(q), order };
    })
    .filter((entry) => entry.language !== null && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  return ranked[0]?.language ?? null;
}

/** A stored choice read back: the language, or null for none (or one no longer spoken). */
export function chosenLanguage(value: string | null | undefined): Language | null {
  return isLanguage(value) ? value : null;
}

/**
 * The language to answer in: the person's own choice, else the first one the
 * request's Accept-Language names that Unblock speaks, else English.
 */
export function answerLanguage(
  chosen: Language | null | undefined,
  acceptLanguage: string | undefined,
): Language {
  return chosen ?? languageFromHeader(acceptLanguage) ?? defaultLanguage;
}
