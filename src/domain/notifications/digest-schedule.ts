/**
 * When a person's digest is due: at 07:00 on their own clock, every day
 * (daily) or on Mondays (weekly), never (off). Time zones are IANA names,
 * judged and converted by the runtime's Intl (the ICU time zone database),
 * so a zone's daylight-saving changes need no code here.
 */
export const digestFrequencies = ["daily", "weekly", "off"] as const;
export type DigestFrequency = (typeof digestFrequencies)[number];

/** The local time of day a digest is sent, minutes after midnight (07:00). */
export const digestMinuteOfDay = 7 * 60;

/** The zone of a person who has not chosen one. */
export const defaultTimeZone = "UTC";

/**
 * The canonical spelling of an IANA time zone ("asia/tokyo" is
 * "Asia/Tokyo"), or null when the runtime knows no such zone. Offsets
 * ("+02:00") are refused: a fixed offset misses daylight saving.
 */
export function canonicalTimeZone(name: string): string | null {
  if (name.length === 0 || name.length > 64 || /^[+-]/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export interface LocalClock {
  /** YYYY-MM-DD on the person's calendar. */
  date: string;
  /** Minutes after local midnight. */
  minute: number;
  /** ISO weekday: 1 Monday .. 7 Sunday. */
  weekday: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    });
    formats.set(timeZone, format);
  }
  return format;
}

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The date, time and weekday on the clock of `timeZone` at the instant `at`. */
export function localClock(at: Date, timeZone: string): LocalClock {
  const parts = Object.fromEntries(
    formatFor(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
    weekday: weekdays[parts.weekday ?? ""] ?? 0,
  };
}

/**
 * The local date whose digest is due at `at` for a person in `timeZone`, or
 * null: due once their 07:00 has passed today, daily, or on Mondays when
 * weekly. Asked again later the same local day it answers the same date, so
 * a scan that missed 07:00 (a server down) still finds the day's digest.
 */
export function digestDateDue(at: Date, timeZone: string, frequency: DigestFrequency): string | null {
  if (frequency === "off") return null;
  const clock = localClock(at, timeZone);
  if (clock.minute < digestMinuteOfDay) return null;
  if (frequency === "weekly" && clock.weekday !== 1) return null;
  return clock.date;
}
