/**
 * The English sentences of the playbook rules and the access policy: the
 * source catalogue every other language translates key for key (docs/I18N.md).
 * `{name}` is a value the rule fills in; playbook names (L1s, L2s, field
 * labels, roles) come from the playbook in the same language.
 * Keys ending in `_one` / `_other` are picked by the count's plural form.
 */
export const ruleMessagesEn = {
  // Names the rules use in sentences.
  stage_assignment: "Assignment",
  stage_delivery: "Delivery",
  field_l2: "L2 reason",
  field_l3: "L3 reason",
  field_serviceStatus: "Service status",
  field_engagementScenario: "Engagement scenario",
  field_targetDate: "Target date",
  field_owner: "Owner",
  field_note: "Note",
  field_nextActionDate: "Next action date",
  field_nextAction: "Next action",
  split_reason_geography: "geography",
  split_reason_operating_company: "operating company",
  split_reason_duplicate_entitlement: "duplicate entitlement",
  quoted: '"{value}"',
  value_empty: "empty",
  seats_one: "{count} seat",
  seats_other: "{count} seats",

  // One segment against its scenario row.
  l1_required: "Each segment needs an L1 status.",
  l1_unknown: '"{given}" is not an L1 status. Choose one of: {names}.',
  role_not_allowed: "In the {stage} stage, {l1} is recorded by {roles}.",
  field_forbidden: "{l1} in the {stage} stage takes no {field}: leave it empty.",
  field_changed:
    "{l1} in the {stage} stage keeps the {field} of the previous status ({value}); it cannot be changed here.",
  field_required: "{l1} in the {stage} stage needs the {field}.",
  field_too_long: "The {field} has {count} characters; the limit is {limit}.",
  date_invalid: 'The {field} "{given}" is not a calendar date; write it as YYYY-MM-DD.',
  date_past: "The {field} {date} is in the past; {l1} in the {stage} stage needs today ({today}) or later.",
  note_too_poor: "{l1} in the {stage} stage needs the why: this {field} is too poor to save. {hint}",
  note_hint_default: "Say why, with the specifics.",

  // List values.
  choose_one_of: "Choose one of: {names}.",
  choose_one_of_many: "Choose one of the {count} listed.",
  l2_unknown: '"{given}" is not an L2 reason of {l1}.',
  l2_elsewhere: "It is an L2 of {l1}.",
  l3_without_l2: "An L3 reason refines an L2 reason: choose a valid L2 first.",
  l3_forbidden: "{l1} > {l2} takes no L3 reason: leave it empty.",
  l3_unknown: '"{given}" is not an L3 reason of {l1} > {l2}.',
  l3_wrong_service: '"{l3}" is an L3 reason for {services} only, not for {service}.',
  service_status_unknown: '"{given}" is not a known service status.',
  engagement_scenario_unknown: '"{given}" is not a known engagement scenario.',
  value_not_allowed:
    'The scenario "{row}" allows only {allowed} as the {field}; "{value}" is not one of them.',

  // Which scenario row judges a segment.
  scenario_unknown: '"{scenario}" is not a scenario of the playbook.',
  scenario_l1_mismatch: 'The scenario "{row}" records {rowL1}, not {l1}.',
  scenario_stage_mismatch:
    'The scenario "{row}" belongs to the {rowStage} stage, but this service is in the {stage} stage.',
  scenario_missing: "The playbook has no scenario for {l1} in the {stage} stage.",

  // Seats split over segments.
  available_seats_invalid: "The available seats must be a whole number of 0 or more.",
  segments_required: "Record at least one segment for the service's seats.",
  seats_invalid: "Each segment needs a whole number of seats, at least 1 (segment {segment} has {seats}).",
  segments_zero_seats_split: "The service has no available seats, so it takes a single segment with 0 seats.",
  seats_zero_mismatch: "The service has no available seats: record the segment with 0 seats, not {seats}.",
  seats_total_mismatch: "Segments total {total} but the service has {available} available: {gap}.",
  seats_unassigned: "{count} unassigned",
  seats_too_many: "{count} too many",
  split_reason_required: "Seats split over several segments need a reason on each segment: {allowed}.",
  split_reason_invalid: '"{given}" is not a reason to split seats; the playbook allows {allowed}.',
  segments_identical:
    "Segments {first} and {second} record the same status, owner, dates and note; merge them into one segment.",

  // What the editor says beside a field.
  hint_not_used: "Not needed for this status.",
  hint_carried: "Kept from the previous status; it cannot be changed here.",
  hint_from_l2: "Follows from the L2 reason chosen; you may reword it.",
  hint_not_past: "Today or later.",
  hint_max_length: "At most {limit} characters.",

  // The answer to a refused status.
  status_refused_one: "The status breaks {count} playbook rule; nothing was changed.",
  status_refused_other: "The status breaks {count} playbook rules; nothing was changed.",

  // The data-quality queue: each rule's name, and what a finding is about and what fixes it.
  quality_rule_next_action_passed: "Next action date passed",
  quality_rule_blocked_target_passed: "Blocked, target date passed",
  quality_rule_unknown_unchanged: "Status Unknown unchanged",
  quality_rule_note_grade: "Note to improve",
  quality_rule_suggest_disagrees: "Suggest reads another L2",
  quality_rule_resplit_needed: "Split no longer adds up",
  quality_rule_usage_contradicts: "Usage contradicts the status",
  quality_rule_owner_unresolved: "Owner resolves to nobody",
  quality_yesterday: "yesterday",
  quality_days_ago: "{days} days ago",
  quality_none: "none",
  quality_next_action_passed: "The next action was due {date}, {ago}: do it, or set the next one.",
  quality_blocked_target_passed: "{l1}; the target date {date} passed {ago}: unblock it or set a new target.",
  quality_unknown_unchanged:
    "{l1}, unchanged since {date} ({days} days): reach the customer and record what you learn.",
  quality_note_grade: "The note is {grade}. {advice}",
  quality_grade_great: "great",
  quality_grade_marginal: "marginal",
  quality_grade_poor: "poor",
  quality_suggest_disagrees:
    "Suggest reads {l1} › {l2} from the note ({confidence}% sure), not the recorded L2: check the L2 or the note.",
  quality_resplit_needed:
    "The available seats changed to {available} and the split's segments hold {held}: split the status again.",
  quality_usage: "Usage contradicts the status.",
  quality_active_while_halted:
    "Over {share} of the seats are active while the status says {l1s}: check the status.",
  quality_idle_in_progress:
    "No seat was active in the last {days} days while the status says {l1s}: check the status.",
  quality_growing_while_unknown:
    "Active seats grew over the last {points} usage points while the status says {l1s}: find out what the customer is doing.",
  quality_owner_text: 'The owner "{owner}" names no person or team: choose one.',
  quality_owner_team:
    "The owner is a team nobody of this customer has: assign someone the role, or choose another owner.",

  // Usage read against a status.
  usage_active_while_halted:
    "{share} of the available seats are active, over the Operate threshold of {operate}%, while {seats} seats are {l1s}.",
  usage_idle_in_progress: "No seat has been active in the last {days} days while the status is {l1s}.",
  usage_growing_while_unknown:
    "Active seats grew over the last {points} usage points ({trend}) while the status is {l1s}.",
  usage_resplit:
    "The available seats changed to {available} and the split's segments hold {held}: they no longer add up, so the status needs splitting again.",

  // The access policy: why an action is refused, and who may do it instead.
  role_in_list: "the {role}",
  role_nobody: "nobody",
  policy_read_only_role: "The {role} role reads and never changes a status.",
  policy_read_only_role_instead: "{writers} assigned to the tenant records it.",
  policy_stage_writer: "In the {stage} stage, the playbook lets {writers} record status, not the {role}.",
  policy_stage_writer_instead: "Ask {writers} assigned to this tenant, or an Admin.",
  policy_assign_needs_primary:
    "The {role} role assigns users only where you are its primary {role}; you are not primary on {target}.",
  policy_target_customer: "this customer",
  policy_target_tenant: "this tenant (or its customer)",
  policy_assign_needs_primary_instead: "Ask a Team Lead, an Admin, or its primary FM.",
  policy_assign_not_allowed:
    "The {role} role does not assign users; only Admins, Team Leads and primary FMs do.",
  policy_assign_not_allowed_instead: "Ask a Team Lead, an Admin, or the primary FM of the tenant.",
  policy_reassign_not_allowed:
    "Only Admins and Team Leads move one person's customers and tenants to another; you are signed in as {role}.",
  policy_ask_lead_or_admin: "Ask a Team Lead or an Admin.",
  policy_report_rows_hidden:
    "The {role} role reads reports in aggregate only; this report lists single tenants.",
  policy_report_rows_hidden_instead: "Use the blocked-seats reports, or ask someone assigned to the tenants.",
  policy_report_one_customer:
    "The {role} role reads reports across the whole portfolio, not narrowed to one customer.",
  policy_report_one_customer_instead:
    "Leave out the customer filter, or ask someone assigned to the customer.",
  policy_product_group_only:
    "Only the product group ({engineering}) and Admins create, edit and ship work items; you are signed in as {role}.",
  policy_product_group_only_instead:
    "Ask the product group or an Admin; everyone who reads reports sees the roadmap.",
  policy_admin_only: "Only an Admin may {work}; you are signed in as {role}.",
  policy_ask_admin: "Ask an Admin.",
  admin_work_users_manage: "manage users",
  admin_work_playbook_edit: "change the playbook",
  admin_work_audit_export: "read and export the audit trail",
  admin_work_portfolio_sync: "sync the portfolio feed",
  admin_work_jobs_manage: "list and retry background jobs",
  admin_work_webhooks_manage: "manage webhooks",
  admin_work_resolvers_manage: "change who belongs to a resolver group",
  policy_aggregate_only:
    "The {role} role reads blocker reports across all tenants, never a single tenant's rows.",
  policy_aggregate_only_instead: "Use the reports; people assigned to the tenant can read its rows.",
  policy_not_assigned_read:
    "You are not assigned to this tenant or to its customer, and the {role} role reads only the tenants it is assigned to.",
  policy_not_assigned_write:
    "You are not assigned to this tenant or to its customer, and the {role} role changes a status only where it is assigned.",
  policy_not_assigned_read_only:
    "The {role} role changes nothing: it only reads, and you are not assigned to this tenant or to its customer either.",
  policy_not_assigned_instead: "A Team Lead, an Admin or the tenant's primary FM can assign you.",
} as const;

export type RuleMessageKey = keyof typeof ruleMessagesEn;

/** A catalogue of the rule sentences in one language: every key of the English one. */
export type RuleMessages = Readonly<Record<RuleMessageKey, string>>;
