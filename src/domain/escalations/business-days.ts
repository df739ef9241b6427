/**
 * Business days are Monday to Friday, counted on the UTC calendar the
 * playbook's dates are kept in. Holidays are not known to Unblock.
 */

const day = 86_400_000;

function isWeekday(date: Date): boolean {
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date (YYYY-MM-DD) `count` business days after `from`: the day itself
 * does not count, so an escalation opened on a Friday with 1 business day is
 * due on Monday, and one opened on a Saturday with 1 is due on Monday too.
 */
export function addBusinessDays(from: Date | string, count: number): string {
  if (!Number.isInteger(count) || count < 0) throw new Error("count must be a whole number, 0 or more");
  const start = typeof from === "string" ? new Date(`${from.slice(0, 10)}T00:00:00Z`) : from;
  let at = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  let left = count;
  while (left > 0) {
    at += day;
    if (isWeekday(new Date(at))) left--;
  }
  return new Date(at).toISOString().slice(0, 10);
}
