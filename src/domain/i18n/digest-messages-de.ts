import type { DigestMessageKey } from "./digest-messages-en.ts";
import type { Texts } from "./texts.ts";

/**
 * The German digest mail and My work's groups and reasons, key for key
 * digest-messages-en.ts; the groups and reasons read as the web app's
 * (web/i18n/de/myWork.ts). Addressed with "Sie".
 */
export const digestMessagesDe: Texts<DigestMessageKey> = {
  subject_daily: "Unblock-Zusammenfassung vom {date}: {counts}",
  subject_weekly: "Ihre Woche in Unblock ab {date}: {counts}",
  count_overdue: "{count} überfällig",
  count_due_this_week: "{count} diese Woche fällig",
  count_blocked_past_target: "{count} blockiert nach dem Zieldatum",
  count_recheck: "{count} erneut zu prüfen",
  count_quality: "{count} zu bereinigen",
  greeting: "Guten Morgen {name},",
  intro_daily_one: "heute ist {count} Eintrag für Sie zu prüfen:",
  intro_daily_other: "heute sind {count} Einträge für Sie zu prüfen:",
  intro_weekly_one: "diese Woche ist {count} Eintrag für Sie zu prüfen:",
  intro_weekly_other: "diese Woche sind {count} Einträge für Sie zu prüfen:",
  and_more: "und {count} weitere",
  all_work: "Ihre ganze Arbeit",
  when_daily: "jeden Tag um 07:00 Uhr ({zone})",
  when_weekly: "montags um 07:00 Uhr ({zone})",
  footer:
    "Sie erhalten diese Zusammenfassung {when}; ändern können Sie das in Unblock unter Ihrem Namen (Benachrichtigungen).",
  stop: "Keine Zusammenfassungen mehr",
  item_title: "{service} bei {tenant} ({customer})",
  quality_label: "Datenqualität",

  group_overdue: "Überfällige nächste Schritte",
  group_due_this_week: "Diese Woche fällig",
  group_blocked_past_target: "Blockiert, Zieldatum überschritten",
  group_rest: "Alles andere",
  group_recheck: "Erneut prüfen: die Lösung ist ausgeliefert",
  reason_overdue_one: "Der nächste Schritt war am {date} fällig, vor {count} Tag.",
  reason_overdue_other: "Der nächste Schritt war am {date} fällig, vor {count} Tagen.",
  reason_due_today: "Der nächste Schritt ist am {date} fällig, also heute.",
  reason_due_one: "Der nächste Schritt ist am {date} fällig, in {count} Tag.",
  reason_due_other: "Der nächste Schritt ist am {date} fällig, in {count} Tagen.",
  reason_past_target_one: "Blockiert; das Zieldatum {date} ist seit {count} Tag überschritten.",
  reason_past_target_other: "Blockiert; das Zieldatum {date} ist seit {count} Tagen überschritten.",
  reason_later: "Nächster Schritt fällig am {date}, nach dieser Woche.",
  reason_undated: "Nichts fällig: kein Termin für den nächsten Schritt.",
  reason_shipped:
    "„{title}“ wurde ausgeliefert: Prüfen Sie, ob die {seats} blockierten Lizenzen hier jetzt frei sind.",
  reason_shipped_on:
    "„{title}“ wurde am {date} ausgeliefert: Prüfen Sie, ob die {seats} blockierten Lizenzen hier jetzt frei sind.",
};
