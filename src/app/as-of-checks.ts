import { addDays } from "../domain/history/as-of-day.ts";
import type { FilterChecks } from "./list-filter-checks.ts";

/**
 * An as-of day checked: a date (YYYY-MM-DD), not after today (the future has
 * no history). Today itself stands for the current statuses, which are the
 * end of today so far. Null when absent or refused (the refusal is in `checks`).
 */
export function asOfDay(
  checks: FilterChecks,
  value: string | undefined | null,
  currentDay: string,
  field = "asOf",
): string | null {
  const day = checks.date(field, value);
  if (day !== null && day > currentDay) {
    checks.violations.push({
      field,
      code: "date_in_future",
      message: `${day} is after today (${currentDay}, UTC): there is no history of it yet.`,
    });
    return null;
  }
  return day;
}

/** A day that must be given: as asOfDay, and "required" when absent. */
export function requiredDay(
  checks: FilterChecks,
  value: string | undefined | null,
  currentDay: string,
  field: string,
): string | null {
  const before = checks.violations.length;
  const day = asOfDay(checks, value, currentDay, field);
  if (day === null && checks.violations.length === before) {
    checks.violations.push({ field, code: "required", message: `Give the ${field} day as YYYY-MM-DD.` });
  }
  return day;
}

/**
 * A window of whole UTC days, `from` to `to` inclusive: `to` defaults to
 * today, `from` to `defaultDays - 1` days before `to`; `from` after `to` is
 * refused. Falls back to the default window when refused (the refusal is in
 * `checks`, which the caller ends with done()).
 */
export function windowDays(
  checks: FilterChecks,
  value: { from?: string | undefined; to?: string | undefined },
  currentDay: string,
  defaultDays = 90,
): { from: string; to: string } {
  const to = asOfDay(checks, value.to, currentDay, "to") ?? currentDay;
  const from = asOfDay(checks, value.from, currentDay, "from") ?? addDays(to, 1 - defaultDays);
  if (from > to) {
    checks.violations.push({
      field: "from",
      code: "from_after_to",
      message: `The window starts (${from}) after it ends (${to}).`,
    });
  }
  return { from, to };
}
