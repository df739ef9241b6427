/**
 * The English sentences of the digest mail and of My work's groups and
 * reasons (the digest lists them): the source the other languages translate
 * key for key (docs/I18N.md). Dates come formatted by the language's locale.
 */
export const digestMessagesEn = {
  subject_daily: "Unblock digest {date}: {counts}",
  subject_weekly: "Your week in Unblock from {date}: {counts}",
  count_overdue: "{count} overdue",
  count_due_this_week: "{count} due this week",
  count_blocked_past_target: "{count} Blocked past target",
  count_recheck: "{count} to re-check",
  count_quality: "{count} to tidy up",
  greeting: "Good morning {name},",
  intro_daily_one: "{count} thing of yours to look at today:",
  intro_daily_other: "{count} things of yours to look at today:",
  intro_weekly_one: "{count} thing of yours to look at this week:",
  intro_weekly_other: "{count} things of yours to look at this week:",
  and_more: "and {count} more",
  all_work: "All of your work",
  when_daily: "every day at 07:00 {zone}",
  when_weekly: "Mondays at 07:00 {zone}",
  footer: "You get this digest {when}; change it under your name in Unblock (Notifications).",
  stop: "Stop these digests",
  item_title: "{service} at {tenant} ({customer})",
  quality_label: "Data quality",

  // My work's groups, and why an entitlement is in one.
  group_overdue: "Overdue next actions",
  group_due_this_week: "Due this week",
  group_blocked_past_target: "Blocked, target date passed",
  group_rest: "Everything else",
  group_recheck: "Re-check: the fix shipped",
  reason_overdue_one: "Next action was due {date}, {count} day ago.",
  reason_overdue_other: "Next action was due {date}, {count} days ago.",
  reason_due_today: "Next action is due {date}, today.",
  reason_due_one: "Next action is due {date}, in {count} day.",
  reason_due_other: "Next action is due {date}, in {count} days.",
  reason_past_target_one: "Blocked; the target date {date} passed {count} day ago.",
  reason_past_target_other: "Blocked; the target date {date} passed {count} days ago.",
  reason_later: "Next action due {date}, after this week.",
  reason_undated: "Nothing due: no next action date.",
  reason_shipped: '"{title}" shipped: check whether its {seats} Blocked seats here are unblocked now.',
  reason_shipped_on:
    '"{title}" shipped on {date}: check whether its {seats} Blocked seats here are unblocked now.',
} as const;

export type DigestMessageKey = keyof typeof digestMessagesEn;
