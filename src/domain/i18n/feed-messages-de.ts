import type { FeedMessageKey } from "./feed-messages-en.ts";
import type { Texts } from "./texts.ts";

/** The German feed row errors, key for key feed-messages-en.ts; addressed with "Sie". */
export const feedMessagesDe: Texts<FeedMessageKey> = {
  value_required: "{column} ist erforderlich.",
  value_too_long: "{column} ist länger als {max} Zeichen.",
  count_invalid: "{column} muss eine ganze Zahl ab 0 sein (nicht „{value}“).",
  date_invalid: "{column} muss ein Datum im Format JJJJ-MM-TT sein (nicht „{value}“).",
  column_unknown: "„{name}“ ist keine Spalte von {file}.",
  column_duplicate: "Die Spalte „{name}“ kommt zweimal vor.",
  column_missing: "{file} braucht eine Spalte „{name}“.",
  end_before_start: "end_date {end} liegt vor start_date {start}.",
  scope_invalid: "Geben Sie entweder customer_key oder tenant_id an: das, dem die Person zugewiesen ist.",
  service_unknown: "„{key}“ ist kein Service des Playbooks (ID, Name, Code oder Alias).",
  role_unknown: "„{key}“ ist keine Rolle des Playbooks.",
  role_not_allowed: "Der Feed kann niemandem die Rolle {role} geben: Das erledigt ein Admin in Unblock.",
  email_invalid: "„{value}“ ist keine E-Mail-Adresse.",
  domain_invalid: "„{value}“ ist kein Domainname.",
  json_invalid: "Die Zeile ist kein JSON-Objekt.",
};
