import { endOfISOWeek, format, parseISO } from "date-fns";

/**
 * My work's groups, in the order a person works through them. An entitlement
 * sits in the first group it qualifies for, judged by the segments that are
 * the person's (all of them when assigned to the tenant, else the ones they own):
 * a next action date before today, a next action date from today to the end
 * of the ISO week (Sunday), a Blocked segment whose target date has passed,
 * or none of these.
 */
export const myWorkGroups = ["overdue", "due_this_week", "blocked_past_target", "rest"] as const;
export type MyWorkGroup = (typeof myWorkGroups)[number];

export const myWorkGroupLabels: Record<MyWorkGroup, string> = {
  overdue: "Overdue next actions",
  due_this_week: "Due this week",
  blocked_past_target: "Blocked, target date passed",
  rest: "Everything else",
};

const dayMs = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The Sunday ending the ISO week (Monday to Sunday) of a YYYY-MM-DD date. */
export function isoWeekEnd(today: string): string {
  // Parsed and formatted in the same (local) time zone, so only the calendar date matters.
  return format(endOfISOWeek(parseISO(today)), "yyyy-MM-dd");
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayOf(to) - dayOf(from)) / dayMs);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Why an entitlement is in its group, in words: `date` is the date that put
 * it there (the next action or target date; for the rest, the earliest next
 * action date, if any).
 */
export function myWorkReason(group: MyWorkGroup, date: string | null, today: string): string {
  if (group === "overdue" && date) {
    return `Next action was due ${date}, ${plural(daysBetween(date, today), "day")} ago.`;
  }
  if (group === "due_this_week" && date) {
    const days = daysBetween(today, date);
    return `Next action is due ${date}, ${days === 0 ? "today" : `in ${plural(days, "day")}`}.`;
  }
  if (group === "blocked_past_target" && date) {
    return `Blocked; the target date ${date} passed ${plural(daysBetween(date, today), "day")} ago.`;
  }
  return date ? `Next action due ${date}, after this week.` : "Nothing due: no next action date.";
}
