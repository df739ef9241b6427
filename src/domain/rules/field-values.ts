/**
 * How raw field values from forms, CSV files and the API are read before any
 * rule looks at them. Field teams type "N/A" or "TBD" where the playbook table
 * prints those words; both mean "nothing recorded", not a value.
 */

const emptyTokens = new Set(["", "n/a", "na", "tbd"]);

/** Trimmed text, or null when the value is missing or one of the "nothing here" tokens. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = String(value).trim();
  return emptyTokens.has(trimmed.toLowerCase()) ? null : trimmed;
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD ("2025-02-30" is not one). */
export function isCalendarDate(value: string): boolean {
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC avoids time zone drift.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= lastDay;
}

/** Formats a count the way managers read it in messages: 1,000. */
export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}
