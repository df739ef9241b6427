import {
  type DigestRecipient,
  digestTimeZones,
  enqueueDigests,
  loadDigestRecipient,
  markDigestSent,
  type ZoneDue,
} from "../../db/repositories/preference-repository.ts";
import type { Schedule } from "../../domain/jobs/schedule.ts";
import {
  defaultTimeZone,
  digestMinuteOfDay,
  localClock,
} from "../../domain/notifications/digest-schedule.ts";
import type { JobHandler } from "../jobs/job-runner.ts";
import { digestSections } from "./digest-content.ts";
import { digestMail } from "./digest-mail.ts";
import { mailConfig, sendMail } from "./mailer.ts";
import { unsubscribeUrl } from "./unsubscribe-token.ts";

/** How often the scan looks for people whose 07:00 has come: a digest is at most this late. */
export const digestScanSchedule: Schedule = { kind: "digest.scan", every: 15 * 60_000 };

/**
 * digest.scan, every 15 minutes on every server (one of them runs each
 * occurrence): the time zones whose 07:00 has passed today, then one
 * `digest.send` per person there, keyed by person and local date, so a
 * person gets one digest a day however many servers and scans there are.
 */
export const digestScanJob: JobHandler = {
  kind: "digest.scan",
  run: async (deps) => {
    const now = deps.now();
    const due: ZoneDue[] = [];
    for (const timeZone of await digestTimeZones(deps.database.db)) {
      const clock = safeClock(now, timeZone);
      if (clock && clock.minute >= digestMinuteOfDay) {
        due.push({ timeZone, date: clock.date, monday: clock.weekday === 1 });
      }
    }
    await enqueueDigests(deps.database.db, due, now);
    return undefined;
  },
};

/** A stored zone the runtime no longer knows (an ICU update) is read as UTC rather than stopping every digest. */
function safeClock(now: Date, timeZone: string) {
  try {
    return localClock(now, timeZone);
  } catch {
    return timeZone === defaultTimeZone ? null : localClock(now, defaultTimeZone);
  }
}

/**
 * digest.send: one person's digest of one local date. Judged again when it
 * runs (the person may have switched it off, gone weekly or been disabled
 * since it was queued); nothing is sent when there is nothing to say, or
 * without UNBLOCK_SMTP_URL. The date is recorded once sent, so a second run
 * (a lost lease) or a move to a zone still on the day before sends no second
 * one. A refused or unreachable SMTP server is retried with backoff.
 */
export const digestSendJob: JobHandler = {
  kind: "digest.send",
  run: async (deps, job) => {
    const config = mailConfig();
    const date = String(job.payload.date);
    if (!config || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
    const person = await loadDigestRecipient(deps.database.db, String(job.payload.userId));
    if (!person || !wantsDigestOf(person, date)) return undefined;
    const timeZone = person.timeZone ?? defaultTimeZone;
    const sections = await digestSections(deps, person, { today: date, timeZone });
    if (sections.length === 0) return undefined;
    const mail = digestMail({
      name: person.name,
      email: person.email,
      date,
      timeZone,
      frequency: person.digest === "weekly" ? "weekly" : "daily",
      sections,
      unsubscribeUrl: await unsubscribeUrl(deps, person.id, "digest"),
      language: person.language,
    });
    await sendMail(config, mail);
    await markDigestSent(deps.database.db, person.id, date, deps.now());
    return undefined;
  },
};

function wantsDigestOf(person: DigestRecipient, date: string): boolean {
  if (person.disabled || person.digest === "off") return false;
  if (person.digestSentOn !== null && person.digestSentOn >= date) return false;
  // Weekly: Monday's only (the person may have switched from daily after it was queued).
  return person.digest === "daily" || new Date(`${date}T00:00:00Z`).getUTCDay() === 1;
}
