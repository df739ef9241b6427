import type { NoticeMessageKey } from "./notice-messages-en.ts";
import type { Texts } from "./texts.ts";

/**
 * The German notices and notice mails, key for key notice-messages-en.ts.
 * Addressed with "Sie", as the web app and the rule messages are.
 */
export const noticeMessagesDe: Texts<NoticeMessageKey> = {
  about: "{service} bei {tenant}",
  handover_no_intent:
    "„{l1}“ für {about} in der Phase „Umsetzung“ erfasst: Ab jetzt übernimmt das Account-Team und überzeugt die Entscheidungsträger vom Nutzen.",
  handover_blocked:
    "„{l1}“ für {about} in der Phase „Umsetzung“ erfasst: Das Account-Team ist bis zum voraussichtlichen Lösungsdatum verantwortlich.",
  escalation_opened_by: "{about} wurde von {name} an {group} ({l2}) eskaliert, fällig am {date}: {message}",
  escalation_opened_by_rule:
    "{about} wurde durch eine Regel des Playbooks an {group} ({l2}) eskaliert, fällig am {date}: {message}",
  escalation_resolved: "{group} hat Ihre Eskalation zu {about} gelöst.",
  escalation_resolved_reason: "{group} hat Ihre Eskalation zu {about} gelöst: {reason}",
  escalation_declined: "{group} hat Ihre Eskalation zu {about} abgelehnt.",
  escalation_declined_reason: "{group} hat Ihre Eskalation zu {about} abgelehnt: {reason}",
  fix_shipped_single:
    "Die Lösung „{title}“ ist ausgeliefert: Prüfen Sie den blockierten Status von {listed}, den Sie verantworten, erneut. Er steht in „Meine Arbeit“ unter „Erneut prüfen: die Lösung ist ausgeliefert“, bis sich der Status ändert oder Sie ihn verwerfen.",
  fix_shipped_several:
    "Die Lösung „{title}“ ist ausgeliefert: Prüfen Sie {count} blockierte Status, die Sie verantworten ({listed}), erneut. Jeder steht in „Meine Arbeit“ unter „Erneut prüfen: die Lösung ist ausgeliefert“, bis sich sein Status ändert oder Sie ihn verwerfen.",
  listed_and_more: "{listed} und {count} weitere",

  subject_no_intent_handover: "„{l1}“ an das Account-Team übergeben",
  subject_blocked_handover: "„{l1}“ an das Account-Team übergeben",
  subject_fix_shipped: "Eine Lösung ist ausgeliefert: Prüfen Sie Ihre blockierten Status erneut",
  subject_escalation_opened: "An Ihre Resolver-Gruppe eskaliert",
  subject_escalation_resolved: "Ihre Eskalation wurde gelöst",
  subject_escalation_declined: "Ihre Eskalation wurde abgelehnt",
  subject_other: "Benachrichtigung von Unblock",
  subject_about: "{subject} – {about}",
  mail_open_text: "Öffnen: {link}",
  mail_open_html: "In Unblock öffnen",
  mail_inbox_too: "Sie finden diese Benachrichtigung auch in Unblock unter „Benachrichtigungen“.",
  mail_stop_text: "Keine Benachrichtigungen mehr per E-Mail (sie bleiben in Unblock): {link}",
  mail_stop_link: "Keine Benachrichtigungen mehr per E-Mail",
  mail_stop_after: "(sie bleiben in Unblock).",
};
