import { eq, inArray, sql } from "drizzle-orm";
import { chosenLanguage, type Language } from "../../domain/i18n/languages.ts";
import type { DigestFrequency } from "../../domain/notifications/digest-schedule.ts";
import type { Db } from "../client.ts";
import { isUuid, rowsOf } from "../infra/raw-rows.ts";
import { userAccounts, userPreferences, users } from "../schema.ts";

/** A person's stored preferences; the defaults when they never changed one. */
export interface StoredPreferences {
  /** Null until chosen: UTC is used. */
  timeZone: string | null;
  digest: DigestFrequency;
  noticeMail: boolean;
  /** The local date of the last digest sent. */
  digestSentOn: string | null;
  /** The language chosen (en, de); null follows the browser's. */
  language: Language | null;
}

const defaults: StoredPreferences = {
  timeZone: null,
  digest: "daily",
  noticeMail: true,
  digestSentOn: null,
  language: null,
};

const columns = {
  timeZone: userPreferences.timeZone,
  digest: userPreferences.digest,
  noticeMail: userPreferences.noticeMail,
  digestSentOn: userPreferences.digestSentOn,
  language: userPreferences.language,
};

export async function readPreferences(db: Db, userId: string): Promise<StoredPreferences> {
  // An id that is no UUID (a system actor) names no row: the defaults.
  if (!isUuid(userId)) return { ...defaults };
  const [row] = await db.select(columns).from(userPreferences).where(eq(userPreferences.userId, userId));
  return row ? storedOf(row) : { ...defaults };
}

/**
 * The languages these people chose, for texts written for them while no
 * request asks (notices, mails): a person who chose none is absent (English).
 */
export async function chosenLanguagesOf(db: Db, userIds: readonly string[]): Promise<Map<string, Language>> {
  const ids = userIds.filter(isUuid);
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ userId: userPreferences.userId, language: userPreferences.language })
    .from(userPreferences)
    .where(inArray(userPreferences.userId, ids));
  return new Map(
    rows.flatMap((row) => {
      const language = chosenLanguage(row.language);
      return language ? [[row.userId, language] as const] : [];
    }),
  );
}

export type PreferenceChange = Partial<
  Pick<StoredPreferences, "timeZone" | "digest" | "noticeMail" | "language">
>;

/** Writes the fields given (the others keep their value, or the default); returns the result. */
export async function savePreferences(
  db: Db,
  userId: string,
  change: PreferenceChange,
  now: Date,
): Promise<StoredPreferences> {
  const set = { ...change, updatedAt: now };
  const [row] = await db
    .insert(userPreferences)
    .values({ userId, ...set })
    .onConflictDoUpdate({ target: userPreferences.userId, set })
    .returning(columns);
  if (!row) throw new Error(`preferences of ${userId} were not written`);
  return storedOf(row);
}

function storedOf(
  row: { digest: string; language: string | null } & Omit<StoredPreferences, "digest" | "language">,
) {
  return { ...row, digest: row.digest as DigestFrequency, language: chosenLanguage(row.language) };
}

/** Who a digest goes to, with what it needs to be judged and addressed. */
export interface DigestRecipient extends StoredPreferences {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
}

export async function loadDigestRecipient(db: Db, userId: string): Promise<DigestRecipient | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabledAt: userAccounts.disabledAt,
      timeZone: userPreferences.timeZone,
      digest: userPreferences.digest,
      noticeMail: userPreferences.noticeMail,
      digestSentOn: userPreferences.digestSentOn,
      language: userPreferences.language,
    })
    .from(users)
    .leftJoin(userAccounts, eq(userAccounts.userId, users.id))
    .leftJoin(userPreferences, eq(userPreferences.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) return null;
  const { disabledAt, ...rest } = row;
  return {
    ...rest,
    timeZone: row.timeZone,
    digest: (row.digest ?? defaults.digest) as DigestFrequency,
    noticeMail: row.noticeMail ?? defaults.noticeMail,
    language: chosenLanguage(row.language),
    disabled: disabledAt !== null,
  };
}

/** The time zones of the people who want a digest at all (UTC for those who chose none). */
export async function digestTimeZones(db: Db): Promise<string[]> {
  const rows = await rowsOf<{ zone: string }>(
    db,
    sql`select distinct coalesce(p.time_zone, 'UTC') as zone
          from users u left join user_preferences p on p.user_id = u.id
         where coalesce(p.digest, 'daily') <> 'off'`,
  );
  return rows.map((row) => row.zone);
}

/** A time zone whose 07:00 has passed today: its local date, and whether that is a Monday. */
export interface ZoneDue {
  timeZone: string;
  date: string;
  monday: boolean;
}

/**
 * Queues one `digest.send` job per enabled person in the zones given, keyed
 * `digest:<userId>:<local date>`: the jobs table's unique key makes it one per
 * person and day however many servers scan, however often. Weekly people are
 * queued on Mondays only; nobody whose digest for that date (or a later one,
 * after moving west) was already sent. Returns how many were new.
 */
export async function enqueueDigests(db: Db, zones: readonly ZoneDue[], now: Date): Promise<number> {
  if (zones.length === 0) return 0;
  const at = now.toISOString();
  const rows = await rowsOf<{ id: number }>(
    db,
    sql`insert into jobs (kind, payload, state, run_at, max_attempts, key, created_at, updated_at)
        select 'digest.send',
               jsonb_build_object('userId', u.id::text, 'date', z.day::text,
                                  'frequency', coalesce(p.digest, 'daily')),
               'queued', ${at}::timestamptz, 10, 'digest:' || u.id::text || ':' || z.day::text,
               ${at}::timestamptz, ${at}::timestamptz
          from users u
          left join user_preferences p on p.user_id = u.id
          left join user_accounts ua on ua.user_id = u.id
          join jsonb_to_recordset(${JSON.stringify(zones.map((z) => ({ tz: z.timeZone, day: z.date, monday: z.monday })))}::jsonb)
               as z(tz text, day date, monday boolean) on z.tz = coalesce(p.time_zone, 'UTC')
         where ua.disabled_at is null
           and (coalesce(p.digest, 'daily') = 'daily' or (p.digest = 'weekly' and z.monday))
           and (p.digest_sent_on is null or p.digest_sent_on < z.day)
        on conflict (key) do nothing
        returning id::float8 as id`,
  );
  return rows.length;
}

/** Records the digest of `date` as sent (never moving the date back). */
export async function markDigestSent(db: Db, userId: string, date: string, now: Date): Promise<void> {
  await db
    .insert(userPreferences)
    .values({ userId, digestSentOn: date, updatedAt: now })
    .onConflictDoUpdate({
      target: userPreferences.userId,
      set: {
        digestSentOn: sql`greatest(${userPreferences.digestSentOn}, excluded.digest_sent_on)`,
        updatedAt: now,
      },
    });
}
