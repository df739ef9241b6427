import type { PlaybookProblemKey } from "./playbook-problem-messages-en.ts";
import type { Texts } from "./texts.ts";

/**
 * The German sentences of a playbook's problems, key for key
 * playbook-problem-messages-en.ts. Keys, ids and values of the file stay as
 * the file writes them.
 */
export const playbookProblemMessagesDe: Texts<PlaybookProblemKey> = {
  file_unreadable: "Die Datei kann nicht gelesen werden: {reason}",
  yaml_syntax: "YAML-Syntaxfehler: {message}",

  schema_required: "Pflichtfeld fehlt",
  schema_expected: "erwartet: {expected}",
  schema_too_small_string: "muss mindestens {minimum} Zeichen lang sein",
  schema_too_small_array: "muss mindestens {minimum} Einträge haben",
  schema_too_small_number: "muss mindestens {minimum} sein",
  schema_too_big_string: "darf höchstens {maximum} Zeichen lang sein",
  schema_too_big_array: "darf höchstens {maximum} Einträge haben",
  schema_too_big_number: "darf höchstens {maximum} sein",
  schema_one_of: "muss einer der Werte {values} sein",
  schema_unknown_keys: "unbekannte(r) Schlüssel: {keys}",
  schema_no_shape: "passt zu keiner der Formen, die dieser Eintrag haben darf",
  schema_format: "ist kein gültiges Format {format}",
  schema_snake_case: "muss in Kleinbuchstaben mit Unterstrichen geschrieben sein (a–z, 0–9, _)",
  schema_upper_code: "darf nur Großbuchstaben und Ziffern enthalten",
  schema_colour: "muss eine Farbe im Format #rrggbb sein",
  schema_date: "muss ein Datum im Format JJJJ-MM-TT sein",
  schema_semver: "muss eine semantische Version wie 1.0.0 sein",
  schema_semver_change: "muss eine semantische Version wie 1.1.0 sein",
  schema_taxonomy_path:
    "muss l1/l2 oder l1/l2/l3 sein, jeweils eine ID des Playbooks (blocked/service_reliability)",
  schema_not_empty: "darf nicht leer sein",
  schema_whole_number: "muss eine ganze Zahl sein",
  schema_l1_list: "muss mindestens eine L1 nennen",
  schema_zero_or_more: "muss 0 oder mehr sein",
  schema_hundred_or_less: "darf höchstens 100 sein",
  schema_trend_points: "darf höchstens 12 sein (der Trend)",
  schema_adoption_above_operate: "darf nicht über der Schwelle für „Betrieb“ liegen",
  schema_merge_two: "ein merge nennt mindestens zwei Werte",
  schema_split_two: "ein split nennt mindestens zwei Teile",
  schema_other: "{message}",

  duplicate_role: "Die Rollen-ID „{id}“ wird bereits bei Index {first} verwendet",
  duplicate_service_family: "Die Servicefamilien-ID „{id}“ wird bereits bei Index {first} verwendet",
  duplicate_service_status: "Die Servicestatus-ID „{id}“ wird bereits bei Index {first} verwendet",
  duplicate_engagement_scenario: "Die Engagement-Szenario-ID „{id}“ wird bereits bei Index {first} verwendet",
  duplicate_l1: "Die L1-ID „{id}“ wird bereits bei Index {first} verwendet",
  duplicate_scenario_row: "Die Szenariozeilen-ID „{id}“ wird bereits bei Index {first} verwendet",
  duplicate_l2: "Die L2-ID „{id}“ (unter {l1}) wird bereits bei Index {first} verwendet",
  duplicate_l3: "Die L3-ID „{id}“ (unter {l2}) wird bereits bei Index {first} verwendet",
  duplicate_service: "Die Service-ID „{id}“ wird bereits verwendet",
  duplicate_code: "Der Servicecode „{code}“ wird bereits von „{owner}“ verwendet",
  ambiguous_service_name: "Der Service „{name}“ teilt einen Namen oder Alias mit „{owner}“",

  l2_not_allowed: "Die L1 „{l1}“ nimmt keine L2 (l2: none), führt aber {count} auf",
  l3_not_allowed: "Die L3 „{l3}“ steht unter der L2 „{l2}“, die keine L3 nimmt",
  l3_unknown_service: "Die L3 „{l3}“ nennt den unbekannten Service „{service}“",
  workload_unknown_service: "Die Workload-Fragen der L2 „{l2}“ nennen den unbekannten Service „{service}“",
  missing_scenario_row: "Die L1 „{l1}“ hat keine Szenariozeile für die Phase {stage}",
  unknown_service_status: "Unbekannter Servicestatus „{id}“",
  unknown_l1: "Unbekannte L1 „{id}“",
  use_instead_l1: "useInstead nennt die unbekannte L1 „{id}“",
  use_instead_l3_alone: "useInstead nennt eine L3 ohne ihre L2",
  use_instead_l2: "useInstead nennt die unbekannte L2 „{id}“ unter „{l1}“",
  use_instead_l3: "useInstead nennt die unbekannte L3 „{id}“ unter „{l2}“",
  row_unknown_table: "Die Szenariozeile „{row}“ nennt die unbekannte Tabellen-L1 „{l1}“",
  row_unknown_l1: "Die Szenariozeile „{row}“ setzt die unbekannte L1 „{l1}“",
  row_unknown_role: "Die Szenariozeile „{row}“ nennt die unbekannte Rolle „{role}“",
  field_value_unknown: "Der Wert „{id}“ von {field} ist nicht definiert",
  field_default_unknown: "Der Standardwert „{id}“ von {field} ist nicht definiert",
  field_default_not_allowed: "Der Standardwert „{id}“ von {field} gehört nicht zu den erlaubten Werten",
  field_allowed_free:
    "{field} nimmt freie Werte; „allowed“ gilt nur für serviceStatus und engagementScenario",
  field_l2_default: "„@l2“ ist nur ein Standardwert für nextAction, nicht für {field}",
  field_not_a_date: "notPast gilt nur für Datumsfelder, nicht für {field}",
  field_l1_has_none: "{field} ist hier {rule}, aber die L1 „{l1}“ hat kein {field}",
  field_l1_requires: "{field} ist hier {rule}, aber die L1 „{l1}“ verlangt es",
  field_l3_none: "l3 ist hier {rule}, aber keine L2 der L1 „{l1}“ nimmt eine L3",

  change_after_version:
    "Die Änderung ist für {version} angegeben, nach der Version {current} dieses Playbooks",
  change_unknown_target: "„{path}“ ist keine L2 oder L3, die dieses Playbook definiert",
  change_unknown_l1: "„{l1}“ ist keine L1 dieses Playbooks",
  change_l1_changed: "Eine Änderung behält die L1: „{path}“ wechselt zu einer anderen L1",
  change_source_still_defined:
    "„{path}“ ist noch definiert: Ein {kind} übernimmt Status von einem Wert, den das Playbook nicht mehr hat (ein split darf ihn behalten)",
  change_duplicate_source: "Eine andere Änderung von {version} verschiebt „{path}“ bereits",
  change_unknown_service: "Unbekannter Service „{service}“",
  change_l3s_on_l3: "Ein split einer L3 kann nicht nach L3 wählen: Teilen Sie stattdessen ihre L2",
};
