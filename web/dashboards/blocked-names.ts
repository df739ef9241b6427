import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import { i18n } from "../i18n/i18n.ts";

/**
 * The reports name L2 and L3 reasons in the server's language; the app shows
 * the playbook's names in its own, found by id, and the name sent where the
 * playbook no longer knows the id (a reason a newer playbook retired).
 */
export function blockedL2Name(index: PlaybookIndex, l2: string | null, sent: string): string {
  if (!l2) return i18n.t("dashboards.noL2");
  return index.l2("blocked", l2)?.name ?? sent;
}

export function blockedL3Name(
  index: PlaybookIndex,
  l2: string | null,
  l3: string | null,
  sent: string,
): string {
  if (!l3) return i18n.t("dashboards.byL3.none");
  if (!l2) return sent;
  return index.l3("blocked", l2, l3)?.name ?? sent;
}
