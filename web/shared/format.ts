import type { StatusSegment } from "../../src/domain/status-segment.ts";
import { currentLocale, i18n } from "../i18n/i18n.ts";

/** Today as YYYY-MM-DD in UTC: the calendar the server's rules and the overdue filter use. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

// Formats follow the app's language (docs/I18N.md); built once per locale.
const formats = new Map<
  string,
  { count: Intl.NumberFormat; date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat }
>();

function formatsOf(locale: string) {
  let found = formats.get(locale);
  if (!found) {
    found = {
      count: new Intl.NumberFormat(locale),
      date: new Intl.DateTimeFormat(locale, {
        day: "numeric",
        month: "short",
        year: "numeric",
        timeZone: "UTC",
      }),
      dateTime: new Intl.DateTimeFormat(locale, {
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
      }),
    };
    formats.set(locale, found);
  }
  return found;
}

/** 1234 -> "1,234" in English, "1.234" in German. */
export function formatCount(value: number): string {
  return formatsOf(currentLocale()).count.format(value);
}

/** "2026-03-04" -> "4 Mar 2026" / "4. März 2026"; dates have no time of day, so read them as UTC. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : formatsOf(currentLocale()).date.format(date);
}

/** A moment in the browser's time zone: "4 Mar 2026, 14:05" / "4. März 2026, 14:05". */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : formatsOf(currentLocale()).dateTime.format(date);
}

/** A segment is overdue when its next action date has passed. */
export function isOverdue(segment: Pick<StatusSegment, "nextActionDate">, today: string): boolean {
  return segment.nextActionDate !== null && segment.nextActionDate < today;
}

/** "1,000 seats": the count and the noun, in the app's language ("1.000 Lizenzen"). */
export function seatCount(count: number): string {
  return i18n.t("common.seats", { count });
}

/** English words with a count, for text not yet in the catalogues; prefer t() with `_one`/`_other` keys. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
