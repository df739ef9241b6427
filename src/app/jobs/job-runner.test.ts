import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeTestDeps, testNow } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { openDatabase } from "../../db/client.ts";
import { claimJobs, enqueueJob, findJob } from "../../db/repositories/job-repository.ts";
import type { AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/system-actor.ts";
import { type JobHandler, JobRunner } from "./job-runner.ts";
import { listJobs } from "./list-jobs.ts";
import { retryJob } from "./retry-job.ts";

let database: TestDatabase;
let deps: AppDeps & { setNow(d: Date): void };

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.execute("delete from jobs");
  deps.setNow(testNow);
});

const later = (ms: number) => new Date(testNow.getTime() + ms);

/** A handler that records each run and fails the first `failures` of them. */
function recorder(kind: string, failures = 0): JobHandler & { runs: number[] } {
  const runs: number[] = [];
  return {
    kind,
    runs,
    run: async (_deps, job) => {
      runs.push(job.id);
      if (runs.length <= failures) throw new Error(`attempt ${runs.length} failed`);
      return undefined;
    },
  };
}

describe("the job runner", () => {
  it("runs a queued job once, and a job due later only once its time has come", async () => {
    const handler = recorder("test.echo");
    const runner = new JobRunner(deps, { handlers: [handler] });
    const now = await enqueueJob(deps.database.db, { kind: "test.echo" }, deps.now());
    const soon = await enqueueJob(deps.database.db, { kind: "test.echo", runAt: later(60_000) }, deps.now());
    expect(await runner.tick()).toBe(1);
    expect(await runner.tick()).toBe(0);
    deps.setNow(later(60_000));
    expect(await runner.tick()).toBe(1);
    expect(handler.runs).toEqual([now, soon]);
    expect((await findJob(deps.database.db, now!))?.state).toBe("done");
  });

  it("retries a failing job after 5 s, then 10 s, and keeps it visible as failed after its last attempt", async () => {
    const handler = recorder("test.flaky", 99);
    const runner = new JobRunner(deps, { handlers: [handler] });
    const id = (await enqueueJob(deps.database.db, { kind: "test.flaky", maxAttempts: 3 }, deps.now()))!;
    await runner.tick();
    let job = await findJob(deps.database.db, id);
    expect(job).toMatchObject({ state: "queued", attempts: 1, lastError: "attempt 1 failed" });
    expect(job?.runAt.toISOString()).toBe(later(5_000).toISOString());
    deps.setNow(later(4_999));
    expect(await runner.tick()).toBe(0);
    deps.setNow(later(5_000));
    await runner.tick();
    job = await findJob(deps.database.db, id);
    expect(job?.runAt.toISOString()).toBe(later(15_000).toISOString());
    deps.setNow(later(15_000));
    await runner.tick();
    job = await findJob(deps.database.db, id);
    expect(job).toMatchObject({ state: "failed", attempts: 3, lastError: "attempt 3 failed" });

    const listed = await listJobs(deps, systemActor, { state: "failed" });
    expect(listed.jobs.map((row) => row.id)).toEqual([id]);
    expect(listed.counts.failed).toBe(1);
    const retried = await retryJob(deps, systemActor, id);
    expect(retried).toMatchObject({ state: "queued", attempts: 0 });
    await runner.tick();
    expect(handler.runs).toHaveLength(4);
  });
});

describe("the job runner across runners", () => {
  it("gives a job whose worker stopped renewing its lease to another runner once the lease lapsed", async () => {
    const handler = recorder("test.lease");
    const id = (await enqueueJob(deps.database.db, { kind: "test.lease" }, deps.now()))!;
    // A worker claims it and dies: it never settles nor renews.
    const [claimed] = await claimJobs(deps.database.db, {
      worker: "dead",
      kinds: ["test.lease"],
      limit: 1,
      now: deps.now(),
      leaseMs: 30_000,
    });
    expect(claimed?.id).toBe(id);
    const runner = new JobRunner(deps, { handlers: [handler], leaseMs: 30_000 });
    deps.setNow(later(29_999));
    expect(await runner.tick()).toBe(0);
    deps.setNow(later(30_001));
    expect(await runner.tick()).toBe(1);
    expect(await findJob(deps.database.db, id)).toMatchObject({ state: "done", attempts: 2, lockedBy: null });
  });

  it("enqueues a schedule's occurrence once, however many runners see it", async () => {
    const handler = recorder("test.daily");
    const schedules = [{ kind: "test.daily", dailyAt: "07:00" }];
    const runners = [1, 2, 3].map(() => new JobRunner(deps, { handlers: [handler], schedules }));
    for (const runner of runners) await runner.tick();
    deps.setNow(later(3_600_000));
    for (const runner of runners) await runner.tick();
    expect(handler.runs).toHaveLength(1);
    const { jobs } = await listJobs(deps, systemActor, {});
    expect(jobs.map((job) => job.key)).toEqual(["test.daily@2025-03-10T07:00:00.000Z"]);
    deps.setNow(new Date("2025-03-11T07:00:00.000Z"));
    await runners[0]?.tick();
    expect(handler.runs).toHaveLength(2);
  });

  it("runs each of 200 jobs exactly once with two runners on their own connections", async () => {
    // On the server the second runner has its own pool, as a second `unblock serve` would.
    const second = database.url ? await openDatabase({ url: database.url, poolSize: 4 }) : database;
    try {
      const seen: number[] = [];
      const ranBy = new Set<AppDeps>();
      const handler: JobHandler = {
        kind: "test.count",
        run: async (runnerDeps, job) => {
          seen.push(job.id);
          ranBy.add(runnerDeps);
          await new Promise((resolve) => setTimeout(resolve, 1));
          return undefined;
        },
      };
      for (let i = 0; i < 200; i++) await enqueueJob(deps.database.db, { kind: "test.count" }, deps.now());
      const runners = [
        new JobRunner(deps, { handlers: [handler], concurrency: 8, pollMs: 5 }),
        new JobRunner({ ...deps, database: second }, { handlers: [handler], concurrency: 8, pollMs: 5 }),
      ];
      for (const runner of runners) runner.start();
      await waitFor(async () => (await listJobs(deps, systemActor, { state: "done" })).counts.done === 200);
      await Promise.all(runners.map((runner) => runner.stop()));
      expect(seen).toHaveLength(200);
      expect(new Set(seen).size).toBe(200);
      expect(ranBy.size).toBe(2);
    } finally {
      if (second !== database) await second.close();
    }
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error("timed out waiting for the condition");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
