import type { IsoDate } from "../status-segment.ts";

/**
 * The first instant after a UTC day, as an ISO timestamp: the portfolio "as
 * of" a day is every status as last written before it. Days are UTC days, the
 * calendar the playbook's dates are kept in.
 */
export function endOfDay(day: IsoDate): string {
  const next = new Date(`${day.slice(0, 10)}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

/** The UTC day `days` after (or before, if negative) a day. */
export function addDays(day: IsoDate, days: number): IsoDate {
  const next = new Date(`${day.slice(0, 10)}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
