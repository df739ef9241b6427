/**
 * The English messages of the escalations the playbook's rules raise, keyed by
 * the rule (docs/ESCALATIONS.md): the source other languages translate key for
 * key (docs/I18N.md). An escalation keeps the rule and its values and is said
 * again in each reader's language; dates are written in the reader's format.
 */
export const escalationMessagesEn = {
  target_slipped:
    "The Blocked target date slipped from {from} to {to}, {days} days or more past the first one of this Blocked spell.",
  blocked_too_long: "Blocked for more than {days} days without a break.",
} as const;

export type EscalationMessageKey = keyof typeof escalationMessagesEn;
