import { useEffect } from "react";
import { browserLanguage, currentLanguage, i18n, rememberLanguage } from "../i18n/i18n.ts";
import { usePreferences } from "./use-preferences.ts";

/**
 * Speaks the signed-in person's language: the one in their preferences, else
 * the browser's. The server answers by the same rule, so the app's words and
 * the playbook's (and the rules' messages) come in one language.
 */
export function useAppLanguage(enabled: boolean) {
  const { preferences } = usePreferences(enabled);
  const chosen = preferences?.language;
  useEffect(() => {
    if (chosen === undefined) return;
    rememberLanguage(chosen);
    const wanted = chosen ?? browserLanguage();
    if (wanted !== currentLanguage()) void i18n.changeLanguage(wanted);
  }, [chosen]);
}
