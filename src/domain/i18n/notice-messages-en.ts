/**
 * The English sentences of the inbox notices and of the mail each notice
 * sends: the source every other language translates key for key
 * (docs/I18N.md). `{l1}` is the playbook's name in the same language; dates
 * come formatted by the language's locale, links stay as they are.
 */
export const noticeMessagesEn = {
  // What a notice says (kept in the inbox, and the body of its mail).
  about: "{service} at {tenant}",
  handover_no_intent:
    "{l1} recorded for {about} in the Delivery stage: the account team takes it from here (value selling to the decision-makers).",
  handover_blocked:
    "{l1} recorded for {about} in the Delivery stage: the account team owns it until the projected unblock date.",
  escalation_opened_by: "{about} was escalated to {group} ({l2}) by {name}, due by {date}: {message}",
  escalation_opened_by_rule:
    "{about} was escalated to {group} ({l2}) by the playbook's rule, due by {date}: {message}",
  escalation_resolved: "{group} resolved your escalation of {about}.",
  escalation_resolved_reason: "{group} resolved your escalation of {about}: {reason}",
  escalation_declined: "{group} declined your escalation of {about}.",
  escalation_declined_reason: "{group} declined your escalation of {about}: {reason}",
  fix_shipped_single:
    'The fix "{title}" shipped: re-check the Blocked status of {listed} you own. Each is in My work under "Re-check: the fix shipped" until its status changes or you dismiss it.',
  fix_shipped_several:
    'The fix "{title}" shipped: re-check {count} Blocked statuses you own ({listed}). Each is in My work under "Re-check: the fix shipped" until its status changes or you dismiss it.',
  listed_and_more: "{listed} and {count} more",

  // The mail of a notice.
  subject_no_intent_handover: "{l1} handed to the account team",
  subject_blocked_handover: "{l1} handed to the account team",
  subject_fix_shipped: "A fix shipped: re-check your Blocked statuses",
  subject_escalation_opened: "Escalated to your resolver group",
  subject_escalation_resolved: "Your escalation was resolved",
  subject_escalation_declined: "Your escalation was declined",
  subject_other: "Unblock notice",
  subject_about: "{subject} - {about}",
  mail_open_text: "Open it: {link}",
  mail_open_html: "Open it in Unblock",
  mail_inbox_too: "You see this notice in Unblock's inbox too.",
  mail_stop_text: "Stop notices by mail (the inbox keeps them): {link}",
  mail_stop_link: "Stop notices by mail",
  mail_stop_after: "(the inbox keeps them).",
} as const;

export type NoticeMessageKey = keyof typeof noticeMessagesEn;
