import type { RuleMessages } from "./rule-messages-en.ts";

/**
 * The German sentences of the playbook rules and the access policy, key for
 * key the English catalogue (rule-messages-en.ts). Addressed with "Sie";
 * field names are quoted („Zieldatum“) so no sentence depends on a noun's gender.
 */
export const ruleMessagesDe: RuleMessages = {
  stage_assignment: "Zuweisung",
  stage_delivery: "Umsetzung",
  field_l2: "L2-Grund",
  field_l3: "L3-Grund",
  field_serviceStatus: "Servicestatus",
  field_engagementScenario: "Engagement-Szenario",
  field_targetDate: "Zieldatum",
  field_owner: "Verantwortlich",
  field_note: "Notiz",
  field_nextActionDate: "Termin des nächsten Schritts",
  field_nextAction: "Nächster Schritt",
  split_reason_geography: "Region",
  split_reason_operating_company: "Betriebsgesellschaft",
  split_reason_duplicate_entitlement: "doppelte Lizenzberechtigung",
  quoted: "„{value}“",
  value_empty: "leer",
  seats_one: "{count} Lizenz",
  seats_other: "{count} Lizenzen",

  l1_required: "Jedes Segment braucht einen L1-Status.",
  l1_unknown: "„{given}“ ist kein L1-Status. Wählen Sie einen dieser Werte: {names}.",
  role_not_allowed: "In der Phase „{stage}“ erfasst nur die Rolle {roles} den Status „{l1}“.",
  field_forbidden:
    "Für „{l1}“ in der Phase „{stage}“ wird das Feld „{field}“ nicht verwendet: Lassen Sie es leer.",
  field_changed:
    "Für „{l1}“ in der Phase „{stage}“ bleibt das Feld „{field}“ aus dem vorherigen Status erhalten ({value}); es kann hier nicht geändert werden.",
  field_required: "Für „{l1}“ in der Phase „{stage}“ ist das Feld „{field}“ erforderlich.",
  field_too_long: "Das Feld „{field}“ hat {count} Zeichen; erlaubt sind höchstens {limit}.",
  date_invalid: "„{given}“ im Feld „{field}“ ist kein gültiges Datum; schreiben Sie es als JJJJ-MM-TT.",
  date_past:
    "Das Datum {date} im Feld „{field}“ liegt in der Vergangenheit; für „{l1}“ in der Phase „{stage}“ muss es heute ({today}) oder später sein.",
  note_too_poor:
    "Für „{l1}“ in der Phase „{stage}“ muss das Feld „{field}“ den Grund nennen; so reicht es zum Speichern nicht aus. {hint}",
  note_hint_default: "Nennen Sie den Grund, mit den Einzelheiten.",

  choose_one_of: "Wählen Sie einen dieser Werte: {names}.",
  choose_one_of_many: "Wählen Sie einen der {count} aufgeführten Werte.",
  l2_unknown: "„{given}“ ist kein L2-Grund von „{l1}“.",
  l2_elsewhere: "Es ist ein L2-Grund von „{l1}“.",
  l3_without_l2: "Ein L3-Grund verfeinert einen L2-Grund: Wählen Sie zuerst einen gültigen L2-Grund.",
  l3_forbidden: "„{l1} > {l2}“ hat keinen L3-Grund: Lassen Sie das Feld leer.",
  l3_unknown: "„{given}“ ist kein L3-Grund von „{l1} > {l2}“.",
  l3_wrong_service: "„{l3}“ ist ein L3-Grund nur für {services}, nicht für {service}.",
  service_status_unknown: "„{given}“ ist kein bekannter Servicestatus.",
  engagement_scenario_unknown: "„{given}“ ist kein bekanntes Engagement-Szenario.",
  value_not_allowed:
    "Das Szenario „{row}“ erlaubt im Feld „{field}“ nur {allowed}; „{value}“ gehört nicht dazu.",

  scenario_unknown: "„{scenario}“ ist kein Szenario des Playbooks.",
  scenario_l1_mismatch: "Das Szenario „{row}“ erfasst „{rowL1}“, nicht „{l1}“.",
  scenario_stage_mismatch:
    "Das Szenario „{row}“ gehört zur Phase „{rowStage}“, dieser Service ist aber in der Phase „{stage}“.",
  scenario_missing: "Das Playbook hat kein Szenario für „{l1}“ in der Phase „{stage}“.",

  available_seats_invalid: "Die verfügbaren Lizenzen müssen eine ganze Zahl ab 0 sein.",
  segments_required: "Erfassen Sie mindestens ein Segment für die Lizenzen des Service.",
  seats_invalid:
    "Jedes Segment braucht eine ganze Zahl von Lizenzen, mindestens 1 (Segment {segment} hat {seats}).",
  segments_zero_seats_split:
    "Der Service hat keine verfügbaren Lizenzen und bekommt deshalb ein einziges Segment mit 0 Lizenzen.",
  seats_zero_mismatch:
    "Der Service hat keine verfügbaren Lizenzen: Erfassen Sie das Segment mit 0 Lizenzen, nicht mit {seats}.",
  seats_total_mismatch: "Die Segmente ergeben zusammen {total}, verfügbar sind aber {available}: {gap}.",
  seats_unassigned: "{count} nicht zugeordnet",
  seats_too_many: "{count} zu viel",
  split_reason_required:
    "Werden Lizenzen auf mehrere Segmente aufgeteilt, braucht jedes Segment einen Grund: {allowed}.",
  split_reason_invalid: "„{given}“ ist kein Grund für eine Aufteilung; das Playbook erlaubt {allowed}.",
  segments_identical:
    "Die Segmente {first} und {second} erfassen denselben Status, dieselbe Verantwortung, dieselben Termine und dieselbe Notiz; fassen Sie sie zu einem Segment zusammen.",

  hint_not_used: "Für diesen Status nicht nötig.",
  hint_carried: "Aus dem vorherigen Status übernommen; kann hier nicht geändert werden.",
  hint_from_l2: "Ergibt sich aus dem gewählten L2-Grund; Sie können den Text anpassen.",
  hint_not_past: "Heute oder später.",
  hint_max_length: "Höchstens {limit} Zeichen.",

  status_refused_one: "Der Status verstößt gegen {count} Playbook-Regel; es wurde nichts geändert.",
  status_refused_other: "Der Status verstößt gegen {count} Playbook-Regeln; es wurde nichts geändert.",

  quality_rule_next_action_passed: "Termin des nächsten Schritts verstrichen",
  quality_rule_blocked_target_passed: "Blockiert, Zieldatum überschritten",
  quality_rule_unknown_unchanged: "Status unbekannt, unverändert",
  quality_rule_note_grade: "Notiz verbessern",
  quality_rule_suggest_disagrees: "Vorschlag liest einen anderen L2-Grund",
  quality_rule_resplit_needed: "Aufteilung geht nicht mehr auf",
  quality_rule_usage_contradicts: "Nutzung widerspricht dem Status",
  quality_rule_owner_unresolved: "Verantwortliche Person nicht zuzuordnen",
  quality_yesterday: "gestern",
  quality_days_ago: "vor {days} Tagen",
  quality_none: "keiner",
  quality_next_action_passed:
    "Der nächste Schritt war am {date} fällig ({ago}): Erledigen Sie ihn oder legen Sie den nächsten fest.",
  quality_blocked_target_passed:
    "{l1}; das Zieldatum {date} ist überschritten ({ago}): Lösen Sie die Blockade oder setzen Sie ein neues Ziel.",
  quality_unknown_unchanged:
    "{l1}, unverändert seit {date} ({days} Tage): Erreichen Sie den Kunden und erfassen Sie, was Sie erfahren.",
  quality_note_grade: "Die Notiz ist {grade}. {advice}",
  quality_grade_great: "sehr gut",
  quality_grade_marginal: "ausbaufähig",
  quality_grade_poor: "unzureichend",
  quality_suggest_disagrees:
    "Der Vorschlag liest aus der Notiz {l1} › {l2} (zu {confidence} % sicher), nicht den erfassten L2-Grund: Prüfen Sie den L2-Grund oder die Notiz.",
  quality_resplit_needed:
    "Die verfügbaren Lizenzen haben sich auf {available} geändert, die Segmente der Aufteilung enthalten {held}: Teilen Sie den Status neu auf.",
  quality_usage: "Die Nutzung widerspricht dem Status.",
  quality_active_while_halted:
    "Mehr als {share} der Lizenzen sind aktiv, während der Status {l1s} lautet: Prüfen Sie den Status.",
  quality_idle_in_progress:
    "In den letzten {days} Tagen war keine Lizenz aktiv, während der Status {l1s} lautet: Prüfen Sie den Status.",
  quality_growing_while_unknown:
    "Die aktiven Lizenzen sind über die letzten {points} Messpunkte gewachsen, während der Status {l1s} lautet: Finden Sie heraus, was der Kunde tut.",
  quality_owner_text: "„{owner}“ benennt weder eine Person noch ein Team: Wählen Sie eine Verantwortung.",
  quality_owner_team:
    "Verantwortlich ist ein Team, das bei diesem Kunden niemand hat: Geben Sie jemandem die Rolle oder wählen Sie eine andere Verantwortung.",

  usage_active_while_halted:
    "{share} der verfügbaren Lizenzen sind aktiv, über der Schwelle für „Betrieb“ von {operate} %, während {seats} Lizenzen „{l1s}“ sind.",
  usage_idle_in_progress:
    "In den letzten {days} Tagen war keine Lizenz aktiv, während der Status „{l1s}“ lautet.",
  usage_growing_while_unknown:
    "Die aktiven Lizenzen sind über die letzten {points} Messpunkte gewachsen ({trend}), während der Status „{l1s}“ lautet.",
  usage_resplit:
    "Die verfügbaren Lizenzen haben sich auf {available} geändert, die Segmente der Aufteilung enthalten {held}: Sie gehen nicht mehr auf, der Status muss neu aufgeteilt werden.",

  role_in_list: "{role}",
  role_nobody: "niemand",
  policy_read_only_role: "Die Rolle {role} liest nur und ändert nie einen Status.",
  policy_read_only_role_instead: "Erfassen kann ihn, wer als {writers} dem Mandanten zugewiesen ist.",
  policy_stage_writer:
    "In der Phase „{stage}“ lässt das Playbook nur die Rolle {writers} den Status erfassen, nicht die Rolle {role}.",
  policy_stage_writer_instead:
    "Fragen Sie jemanden, der als {writers} diesem Mandanten zugewiesen ist, oder einen Admin.",
  policy_assign_needs_primary:
    "Die Rolle {role} weist Benutzer nur dort zu, wo Sie als {role} primär zuständig sind; für {target} sind Sie das nicht.",
  policy_target_customer: "diesen Kunden",
  policy_target_tenant: "diesen Mandanten (oder seinen Kunden)",
  policy_assign_needs_primary_instead:
    "Fragen Sie eine Teamleitung, einen Admin oder den primär zuständigen FM.",
  policy_assign_not_allowed:
    "Die Rolle {role} weist keine Benutzer zu; das tun nur Admins, Teamleitungen und primär zuständige FMs.",
  policy_assign_not_allowed_instead:
    "Fragen Sie eine Teamleitung, einen Admin oder den primär zuständigen FM des Mandanten.",
  policy_reassign_not_allowed:
    "Nur Admins und Teamleitungen übertragen die Kunden und Mandanten einer Person auf eine andere; Sie sind als {role} angemeldet.",
  policy_ask_lead_or_admin: "Fragen Sie eine Teamleitung oder einen Admin.",
  policy_report_rows_hidden:
    "Die Rolle {role} sieht Berichte nur in Summen; dieser Bericht listet einzelne Mandanten auf.",
  policy_report_rows_hidden_instead:
    "Nutzen Sie die Berichte zu blockierten Lizenzen, oder fragen Sie jemanden, der den Mandanten zugewiesen ist.",
  policy_report_one_customer:
    "Die Rolle {role} sieht Berichte über das ganze Portfolio, nicht auf einen Kunden eingeschränkt.",
  policy_report_one_customer_instead:
    "Lassen Sie den Kundenfilter weg, oder fragen Sie jemanden, der dem Kunden zugewiesen ist.",
  policy_product_group_only:
    "Nur die Produktgruppe ({engineering}) und Admins legen Arbeitspakete an, bearbeiten und liefern sie; Sie sind als {role} angemeldet.",
  policy_product_group_only_instead:
    "Fragen Sie die Produktgruppe oder einen Admin; wer Berichte lesen darf, sieht die Roadmap.",
  policy_admin_only: "Nur ein Admin darf {work}; Sie sind als {role} angemeldet.",
  policy_ask_admin: "Fragen Sie einen Admin.",
  admin_work_users_manage: "Benutzer verwalten",
  admin_work_playbook_edit: "das Playbook ändern",
  admin_work_audit_export: "das Audit-Protokoll lesen und exportieren",
  admin_work_portfolio_sync: "den Portfolio-Feed synchronisieren",
  admin_work_jobs_manage: "Hintergrundjobs auflisten und erneut starten",
  admin_work_webhooks_manage: "Webhooks verwalten",
  admin_work_resolvers_manage: "die Mitglieder einer Resolver-Gruppe ändern",
  policy_aggregate_only:
    "Die Rolle {role} liest Blocker-Berichte über alle Mandanten, nie die Zeilen eines einzelnen Mandanten.",
  policy_aggregate_only_instead:
    "Nutzen Sie die Berichte; wer dem Mandanten zugewiesen ist, kann seine Zeilen lesen.",
  policy_not_assigned_read:
    "Sie sind weder diesem Mandanten noch seinem Kunden zugewiesen, und die Rolle {role} liest nur Mandanten, denen sie zugewiesen ist.",
  policy_not_assigned_write:
    "Sie sind weder diesem Mandanten noch seinem Kunden zugewiesen, und die Rolle {role} ändert einen Status nur dort, wo sie zugewiesen ist.",
  policy_not_assigned_read_only:
    "Die Rolle {role} ändert nichts, sie liest nur – und Sie sind weder diesem Mandanten noch seinem Kunden zugewiesen.",
  policy_not_assigned_instead:
    "Eine Teamleitung, ein Admin oder der primär zuständige FM des Mandanten kann Sie zuweisen.",
};
