import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { chosenLanguage, type Language, languageOfTag, localeOf } from "../../src/domain/i18n/languages.ts";
import { de } from "./de.ts";
import { en } from "./en.ts";

/**
 * The web app's sentences (web/i18n/en.ts, de.ts), through i18next. The
 * language is the person's choice (their preferences), else the browser's;
 * the choice is also kept in the browser so the first paint after a reload
 * is already in it (docs/I18N.md).
 */
export const i18n = i18next.createInstance();

const storageKey = "unblock.language";

/** The first language of the browser's list that the app speaks, else English. */
export function browserLanguage(): Language {
  const tags = typeof navigator === "undefined" ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of tags) {
    const language = languageOfTag(tag);
    if (language) return language;
  }
  return "en";
}

function rememberedLanguage(): Language | null {
  try {
    return chosenLanguage(globalThis.localStorage?.getItem(storageKey));
  } catch {
    return null;
  }
}

/** Keeps (or forgets, for "the browser's") the person's choice in this browser. */
export function rememberLanguage(chosen: Language | null): void {
  try {
    if (chosen) globalThis.localStorage?.setItem(storageKey, chosen);
    else globalThis.localStorage?.removeItem(storageKey);
  } catch {
    // Storage refused (private mode): the preference on the server still decides after loading.
  }
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, de: { translation: de } },
  lng: rememberedLanguage() ?? browserLanguage(),
  fallbackLng: "en",
  supportedLngs: ["en", "de"],
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** The language the app speaks now. */
export function currentLanguage(): Language {
  return chosenLanguage(i18n.language) ?? "en";
}

/** The locale dates and numbers are written in: en-GB ("4 Mar 2026") or de-DE ("4. März 2026"). */
export function currentLocale(): string {
  return localeOf[currentLanguage()];
}

declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}
