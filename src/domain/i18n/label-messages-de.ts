import type { LabelMessageKey } from "./label-messages-en.ts";
import type { Texts } from "./texts.ts";

/** The German labels, key for key label-messages-en.ts, as the web app writes them (web/i18n/de). */
export const labelMessagesDe: Texts<LabelMessageKey> = {
  owner_person: "Eine Person",
  owner_team: "{team} (Team)",
  owner_unresolved: "{owner} (nicht zugeordnet)",
  owner_none: "Ohne Verantwortung",
  no_status: "(kein Status)",
  no_l2: "(ohne L2)",
  no_l3: "(ohne L3)",
};
