import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";

export type JobState = "queued" | "running" | "failed" | "done";

export interface Job {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  state: JobState;
  runAt: Date;
  attempts: number;
  maxAttempts: number;
  /** Retried until then at the latest, whatever maxAttempts says; null: up to maxAttempts. */
  retryUntil: Date | null;
  lockedBy: string | null;
  lockedUntil: Date | null;
  lastError: string | null;
  key: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export interface NewJob {
  kind: string;
  payload?: Record<string, unknown>;
  /** When it may run first; now when absent. */
  runAt?: Date;
  /** One job per key ever (a scheduled occurrence, a delivery): a second enqueue of it is dropped. */
  key?: string;
  maxAttempts?: number;
  retryUntil?: Date;
}

/** Times come as epoch milliseconds, which both drivers return as numbers (jobOf makes them Dates). */
const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::float8 as "${camel(column)}"`;
const columns = sql.raw(
  [
    'id::float8 as id, kind, payload, state, attempts, max_attempts as "maxAttempts"',
    'locked_by as "lockedBy", last_error as "lastError", key',
    ...["run_at", "retry_until", "locked_until", "created_at", "updated_at", "finished_at"].map(ms),
  ].join(", "),
);
const dateFields = ["runAt", "retryUntil", "lockedUntil", "createdAt", "updatedAt", "finishedAt"] as const;

function camel(column: string): string {
  return column.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());
}

function jobOf(row: Record<string, unknown>): Job {
  const job = { ...row } as Record<string, unknown>;
  for (const field of dateFields) job[field] = row[field] === null ? null : new Date(Number(row[field]));
  return job as unknown as Job;
}

async function jobRows(db: Db, query: SQL): Promise<Job[]> {
  return (await rowsOf<Record<string, unknown>>(db, query)).map(jobOf);
}

/**
 * Queues a job; with a key already used, nothing (the existing job stands).
 * Takes any handle, so a job can be queued in the transaction of the change
 * that calls for it. Returns the new job's id, or null for a duplicate key.
 */
export async function enqueueJob(db: Db, job: NewJob, now: Date): Promise<number | null> {
  const [row] = await rowsOf<{ id: number }>(
    db,
    sql`insert into jobs (kind, payload, state, run_at, max_attempts, retry_until, key, created_at, updated_at)
        values (${job.kind}, ${JSON.stringify(job.payload ?? {})}::jsonb, 'queued',
          ${(job.runAt ?? now).toISOString()}::timestamptz, ${job.maxAttempts ?? 10},
          ${job.retryUntil?.toISOString() ?? null}::timestamptz, ${job.key ?? null},
          ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
        on conflict (key) do nothing
        returning id::float8 as id`,
  );
  return row?.id ?? null;
}

/**
 * Claims up to `limit` jobs of the given kinds that are due, for one worker:
 * queued ones whose time came, and running ones whose lease lapsed (their
 * worker stopped renewing it: crashed, or cut off from the database). Rows
 * another worker is claiming at this moment are skipped (SKIP LOCKED), so
 * each job goes to one worker. Each claim counts an attempt.
 */
export async function claimJobs(
  db: Db,
  claim: { worker: string; kinds: readonly string[]; limit: number; now: Date; leaseMs: number },
): Promise<Job[]> {
  if (claim.kinds.length === 0 || claim.limit <= 0) return [];
  const now = claim.now.toISOString();
  return jobRows(
    db,
    // The claim is a CTE, which PostgreSQL runs once: an IN (subquery) with LIMIT may be run again
    // by some plans and lock more rows than it returns.
    sql`with next as (
          select id as job_id from jobs
           where kind = any(${`{${claim.kinds.join(",")}}`}::text[])
             and ((state = 'queued' and run_at <= ${now}::timestamptz)
               or (state = 'running' and locked_until < ${now}::timestamptz))
           order by run_at, id
           limit ${claim.limit}
           for update skip locked)
        update jobs set state = 'running', attempts = attempts + 1, locked_by = ${claim.worker},
          locked_until = ${now}::timestamptz + ${claim.leaseMs}::double precision * interval '1 millisecond',
          updated_at = ${now}::timestamptz
        from next where jobs.id = next.job_id
        returning ${columns}`,
  );
}

/** Extends the lease of jobs this worker still holds; returns the ids it holds no longer. */
export async function renewLeases(
  db: Db,
  renewal: { worker: string; ids: readonly number[]; now: Date; leaseMs: number },
): Promise<number[]> {
  if (renewal.ids.length === 0) return [];
  const rows = await rowsOf<{ id: number }>(
    db,
    sql`update jobs set locked_until = ${renewal.now.toISOString()}::timestamptz
          + ${renewal.leaseMs}::double precision * interval '1 millisecond'
        where id = any(${`{${renewal.ids.join(",")}}`}::bigint[]) and state = 'running'
          and locked_by = ${renewal.worker}
        returning id::float8 as id`,
  );
  const held = new Set(rows.map((row) => row.id));
  return renewal.ids.filter((id) => !held.has(id));
}

/**
 * Settles a claimed job: done, queued again for `retryAt`, or failed for good.
 * Only while this worker still holds it: a worker whose lease lapsed and was
 * taken over must not overwrite the new holder's outcome. Returns whether it
 * did.
 */
export async function settleJob(
  db: Db,
  outcome: {
    id: number;
    worker: string;
    now: Date;
    state: "done" | "queued" | "failed";
    retryAt?: Date;
    error?: string;
    /** Requeue without counting the claim as an attempt (a job deferring itself). */
    uncount?: boolean;
  },
): Promise<boolean> {
  const now = outcome.now.toISOString();
  const rows = await rowsOf<{ id: number }>(
    db,
    sql`update jobs set state = ${outcome.state}, locked_by = null, locked_until = null,
          run_at = coalesce(${outcome.retryAt?.toISOString() ?? null}::timestamptz, run_at),
          attempts = attempts - ${outcome.uncount ? 1 : 0},
          last_error = coalesce(${outcome.error ?? null}, last_error),
          updated_at = ${now}::timestamptz,
          finished_at = case when ${outcome.state} in ('done', 'failed') then ${now}::timestamptz end
        where id = ${outcome.id} and state = 'running' and locked_by = ${outcome.worker}
        returning id::float8 as id`,
  );
  return rows.length > 0;
}

/** Jobs newest first, of one state or all; `limit` at most. */
export async function listJobRows(db: Db, filter: { state?: JobState; limit: number }): Promise<Job[]> {
  const where = filter.state ? sql`where state = ${filter.state}` : sql``;
  return jobRows(db, sql`select ${columns} from jobs ${where} order by id desc limit ${filter.limit}`);
}

export async function findJob(db: Db, id: number): Promise<Job | null> {
  const [row] = await jobRows(db, sql`select ${columns} from jobs where id = ${id}`);
  return row ?? null;
}

/**
 * Queues a failed or finished job again, at once, with its attempts counted
 * from zero (a manual retry, a webhook redelivery). A queued or running job is
 * left as it is. Returns whether it was queued again.
 */
export async function requeueJob(db: Db, where: { id?: number; key?: string }, now: Date): Promise<boolean> {
  const match = where.id !== undefined ? sql`id = ${where.id}` : sql`key = ${where.key ?? ""}`;
  const rows = await rowsOf<{ id: number }>(
    db,
    sql`update jobs set state = 'queued', attempts = 0, run_at = ${now.toISOString()}::timestamptz,
          retry_until = case when retry_until is null then null
            else ${now.toISOString()}::timestamptz + (retry_until - created_at) end,
          finished_at = null, updated_at = ${now.toISOString()}::timestamptz
        where ${match} and state in ('failed', 'done')
        returning id::float8 as id`,
  );
  return rows.length > 0;
}

/** Brings a queued job's time forward to now (the next delivery of a stream once the one before it landed). */
export async function hurryJob(db: Db, key: string, now: Date): Promise<void> {
  await db.execute(
    sql`update jobs set run_at = ${now.toISOString()}::timestamptz
        where key = ${key} and state = 'queued' and run_at > ${now.toISOString()}::timestamptz`,
  );
}

/** Counts per state, for the list's summary. */
export async function countJobsByState(db: Db): Promise<Record<JobState, number>> {
  const rows = await rowsOf<{ state: JobState; count: number }>(
    db,
    sql`select state, count(*)::int as count from jobs group by state`,
  );
  const counts: Record<JobState, number> = { queued: 0, running: 0, failed: 0, done: 0 };
  for (const row of rows) counts[row.state] = row.count;
  return counts;
}

/** Deletes jobs finished before `before` (done ones; failed ones stay until retried or pruned by hand). */
export async function pruneDoneJobs(db: Db, before: Date): Promise<number> {
  const rows = await rowsOf<{ id: number }>(
    db,
    sql`delete from jobs where state = 'done' and finished_at < ${before.toISOString()}::timestamptz
        returning id::float8 as id`,
  );
  return rows.length;
}

/** When the job of `key` runs next, if it is queued; null otherwise. */
export async function queuedRunAt(db: Db, key: string): Promise<Date | null> {
  const [row] = await rowsOf<{ at: number }>(
    db,
    sql`select (extract(epoch from run_at) * 1000)::float8 as at from jobs where key = ${key} and state = 'queued'`,
  );
  return row ? new Date(Number(row.at)) : null;
}
