import { defaultLanguage, type Language } from "../../domain/i18n/languages.ts";
import { labelText } from "../../domain/i18n/server-texts.ts";
import type { AppDeps } from "../app-deps.ts";
import { indexFor } from "../playbook/playbook-translations.ts";

/**
 * Playbook names of the ids history rows keep, in the reader's language
 * (docs/I18N.md). History keeps the ids that were valid when it was written,
 * so an id the active playbook no longer defines shows as itself rather than
 * disappearing.
 */
export function historyLabels(deps: AppDeps, language?: Language | null) {
  const index = indexFor(deps, { language });
  const reader = language ?? defaultLanguage;
  return {
    l1: (l1: string | null) =>
      l1 === null ? labelText.say(reader, "no_status") : (index.l1(l1)?.name ?? l1),
    l2: (l1: string | null, l2: string | null) => (l1 && l2 ? (index.l2(l1, l2)?.name ?? l2) : null),
    l3: (l1: string | null, l2: string | null, l3: string | null) =>
      l1 && l2 && l3 ? (index.l3(l1, l2, l3)?.name ?? l3) : null,
    service: (serviceId: string) => index.service(serviceId)?.name ?? serviceId,
    /** "(no L2)" and "(no L3)": seats a report counts without one. */
    noL2: () => labelText.say(reader, "no_l2"),
    noL3: () => labelText.say(reader, "no_l3"),
  };
}
