import { endOfISOWeek, format, parseISO } from "date-fns";
import { defaultLanguage, type Language } from "../i18n/languages.ts";
import { formatIsoDate } from "../i18n/rule-text.ts";
import { digestText } from "../i18n/server-texts.ts";

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

/**
 * Why an entitlement is in its group, in words, in a language: `date` is the
 * date that put it there (the next action or target date; for the rest, the
 * earliest next action date, if any), written in the language's format.
 */
export function myWorkReason(
  group: MyWorkGroup,
  date: string | null,
  today: string,
  language: Language = defaultLanguage,
): string {
  if (!date) return digestText.say(language, "reason_undated");
  const shown = { date: formatIsoDate(language, date) };
  if (group === "overdue") {
    return digestText.sayCount(language, "reason_overdue", daysBetween(date, today), shown);
  }
  if (group === "due_this_week") {
    const days = daysBetween(today, date);
    return days === 0
      ? digestText.say(language, "reason_due_today", shown)
      : digestText.sayCount(language, "reason_due", days, shown);
  }
  if (group === "blocked_past_target") {
    return digestText.sayCount(language, "reason_past_target", daysBetween(date, today), shown);
  }
  return digestText.say(language, "reason_later", shown);
}

/** A group's name in a language. */
export function myWorkGroupLabel(group: MyWorkGroup, language: Language = defaultLanguage): string {
  return digestText.say(language, `group_${group}`);
}
