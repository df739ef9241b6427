/**
 * The English sentences of escalations (docs/ESCALATIONS.md): the messages of
 * those the playbook's rules raise, keyed by the rule, and the refusals of
 * escalating and answering (problem+json `detail`; codes, rules, fields and
 * `detail` values stay). The source other languages translate key for key
 * (docs/I18N.md). A rule's escalation keeps the rule and its values and is
 * said again in each reader's language; dates are written in their format.
 */
export const escalationMessagesEn = {
  target_slipped:
    "The Blocked target date slipped from {from} to {to}, {days} days or more past the first one of this Blocked spell.",
  blocked_too_long: "Blocked for more than {days} days without a break.",

  still_waiting:
    "An escalation of this entitlement to {group} is still waiting; comment on it rather than opening another.",
  not_group_member:
    'Only the members of the resolver group "{group}" (and Admins) acknowledge, resolve or decline its escalations; you are not one of them. Comment on it instead, or ask an Admin to add you to "{group}".',
  cannot_acknowledge: "A {state} escalation cannot be acknowledged.",
  cannot_resolve: "A {state} escalation cannot be resolved.",
  cannot_decline: "A {state} escalation cannot be declined.",
  state_closed: "closed",
  decline_reason_required: "Say why the group declines it: the reason is required.",
  no_resolver:
    "This entitlement's status names no L2, so it has no resolver group to escalate to. Record the L2 first.",
  l2_not_on_entitlement: "The L2 \"{l2}\" is not one of this entitlement's segments'.",
  l2_unknown: 'The L2 "{l2}" is not in the active playbook.',
  group_unknown: 'There is no resolver group "{group}": the playbook\'s L2s name the groups.',
  user_unknown: 'There is no user "{user}".',
} as const;

export type EscalationMessageKey = keyof typeof escalationMessagesEn;
