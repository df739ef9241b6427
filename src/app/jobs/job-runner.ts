import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import {
  claimJobs,
  enqueueJob,
  type Job,
  renewLeases,
  settleJob,
} from "../../db/repositories/job-repository.ts";
import { exponentialBackoff, latestOccurrence, type Schedule } from "../../domain/jobs/schedule.ts";
import type { AppDeps } from "../app-deps.ts";

/** What a handler may answer instead of finishing: run me again then, this claim not counted as an attempt. */
export interface JobDeferral {
  deferUntil: Date;
}

export interface JobHandler {
  kind: string;
  /** Resolves when the job is done (or deferred); throws to have it retried. */
  run(deps: AppDeps, job: Job): Promise<JobDeferral | undefined>;
  /** Milliseconds from a failed attempt `n` (1, 2, ...) to the next. */
  backoff?: (attempt: number) => number;
}

export interface RunnerLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface RunnerOptions {
  handlers: readonly JobHandler[];
  schedules?: readonly Schedule[];
  /** Names this runner in the jobs it holds; unique per process by default. */
  worker?: string;
  /** Jobs claimed and run at once. */
  concurrency?: number;
  /** Wait between looks for due jobs when the last look found none. */
  pollMs?: number;
  /** How long a claim holds without renewal; a third of it between renewals. */
  leaseMs?: number;
  log?: RunnerLog;
}

const quiet: RunnerLog = { info: () => undefined, warn: () => undefined };
/** 5 s after the first failure, doubling, at most an hour apart. */
export const defaultBackoff = exponentialBackoff(5_000, 3_600_000);

/** Whether a failure of this claim of `job` is its last: no attempt left, or the next would come too late. */
export function isLastAttempt(job: Job, backoff: (attempt: number) => number, now: Date): boolean {
  const retryAt = now.getTime() + backoff(job.attempts);
  return job.attempts >= job.maxAttempts || (job.retryUntil !== null && retryAt > job.retryUntil.getTime());
}

/**
 * Runs the jobs table's work in this process (docs/JOBS.md). Each round it
 * enqueues the schedules' current occurrences (once across servers: their
 * keys are unique), claims due jobs with SKIP LOCKED, runs them, and settles
 * each as done, queued again after a backoff, or failed for good. While jobs
 * run, their leases are renewed; a runner that dies leaves leases that lapse,
 * and another runner claims those jobs again.
 */
export class JobRunner {
  readonly worker: string;
  private readonly handlers: Map<string, JobHandler>;
  private readonly options: Required<Omit<RunnerOptions, "worker" | "handlers">>;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private wakeUp: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly deps: AppDeps,
    options: RunnerOptions,
  ) {
    this.worker = options.worker ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
    this.handlers = new Map(options.handlers.map((handler) => [handler.kind, handler]));
    this.options = {
      schedules: options.schedules ?? [],
      concurrency: options.concurrency ?? 4,
      pollMs: options.pollMs ?? 1_000,
      leaseMs: options.leaseMs ?? 60_000,
      log: options.log ?? quiet,
    };
  }

  /** Starts the loop; stop() ends it. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.runLoop();
  }

  /** Ends the loop after the round in progress, whose jobs finish and settle first. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.wakeUp?.();
    await this.loop;
  }

  /** Looks for due work at once rather than after the poll interval. */
  wake(): void {
    this.wakeUp?.();
  }

  /** One round: schedules, then up to `concurrency` due jobs run to their outcome. Returns how many ran. */
  async tick(): Promise<number> {
    const { deps } = this;
    for (const schedule of this.options.schedules) {
      const occurrence = latestOccurrence(schedule, deps.now());
      await enqueueJob(
        deps.database.db,
        { kind: schedule.kind, payload: schedule.payload ?? {}, runAt: occurrence.at, key: occurrence.key },
        deps.now(),
      );
    }
    const jobs = await claimJobs(deps.database.db, {
      worker: this.worker,
      kinds: [...this.handlers.keys()],
      limit: this.options.concurrency,
      now: deps.now(),
      leaseMs: this.options.leaseMs,
    });
    if (jobs.length === 0) return 0;
    // The leases of the jobs still running are renewed until each settles.
    const holding = new Set(jobs.map((job) => job.id));
    const renewal = setInterval(() => void this.renew([...holding]), this.options.leaseMs / 3);
    renewal.unref();
    try {
      await Promise.all(jobs.map((job) => this.runJob(job).finally(() => holding.delete(job.id))));
    } finally {
      clearInterval(renewal);
    }
    return jobs.length;
  }

  private async runLoop(): Promise<void> {
    while (this.running) {
      let ran = 0;
      try {
        ran = await this.tick();
      } catch (error) {
        this.options.log.warn({ err: error }, "job round failed");
      }
      if (ran > 0 || !this.running) continue;
      await new Promise<void>((resolve) => {
        this.wakeUp = resolve;
        this.timer = setTimeout(resolve, this.options.pollMs);
        this.timer.unref();
      });
    }
  }

  private async renew(ids: number[]): Promise<void> {
    try {
      const lost = await renewLeases(this.deps.database.db, {
        worker: this.worker,
        ids,
        now: this.deps.now(),
        leaseMs: this.options.leaseMs,
      });
      if (lost.length > 0) this.options.log.warn({ jobs: lost }, "lost the lease of running jobs");
    } catch (error) {
      this.options.log.warn({ err: error }, "renewing job leases failed");
    }
  }

  private async runJob(job: Job): Promise<void> {
    const handler = this.handlers.get(job.kind);
    const db = this.deps.database.db;
    const base = { id: job.id, worker: this.worker };
    if (!handler) return;
    if (job.attempts > job.maxAttempts) {
      // Claimed again after its lease lapsed once too often: whatever kills its worker, stop here.
      const error = `gave up after ${job.maxAttempts} attempts (the last one's worker stopped answering)`;
      await settleJob(db, { ...base, now: this.deps.now(), state: "failed", error });
      return;
    }
    try {
      const result = await handler.run(this.deps, job);
      const now = this.deps.now();
      if (result?.deferUntil) {
        await settleJob(db, { ...base, now, state: "queued", retryAt: result.deferUntil, uncount: true });
      } else {
        await settleJob(db, { ...base, now, state: "done" });
      }
    } catch (error) {
      await this.settleFailure(handler, job, error);
    }
  }

  private async settleFailure(handler: JobHandler, job: Job, error: unknown): Promise<void> {
    const now = this.deps.now();
    const message = error instanceof Error ? error.message : String(error);
    const backoff = handler.backoff ?? defaultBackoff;
    const retryAt = new Date(now.getTime() + backoff(job.attempts));
    const exhausted = isLastAttempt(job, backoff, now);
    await settleJob(this.deps.database.db, {
      id: job.id,
      worker: this.worker,
      now,
      state: exhausted ? "failed" : "queued",
      retryAt,
      error: message,
    });
    this.options.log.warn(
      {
        job: job.id,
        kind: job.kind,
        attempt: job.attempts,
        retryAt: exhausted ? null : retryAt,
        err: message,
      },
      exhausted ? "job failed for good" : "job failed; it will be retried",
    );
  }
}
