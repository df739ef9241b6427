import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app/app-deps.ts";
import { syncsSettled } from "../../app/feed/sync-job-slot.ts";
import type { JobRunner } from "../../app/jobs/job-runner.ts";
import { drainStatusWrites } from "../../app/maintenance/operational-figures.ts";
import type { Readiness } from "../../http/operations/readiness.ts";

/** What a running `unblock serve` holds, to be let go of in order. */
export interface ServeParts {
  server: FastifyInstance;
  deps: AppDeps;
  readiness: Readiness;
  /** Read at the signal: the runner starts last, so it may not exist yet. */
  jobRunner: () => JobRunner | undefined;
  stopTimers: () => void;
  closeDatabase: () => Promise<void>;
}

/**
 * A draining stop on SIGTERM or SIGINT. The server stops taking connections
 * and readiness answers 503, so a load balancer sends new work elsewhere;
 * requests in flight finish (their status writes' group-commit batch with
 * them), a portfolio sync this process runs settles, running jobs finish,
 * and then the database closes: what got a 2xx is written, what did not get
 * one was not. Past the deadline the process exits with 1, naming what it
 * was still waiting for; a second signal exits at once, also with 1.
 */
export function drainOnSignals(parts: ServeParts, deadlineMs: number): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`${signal} again: stopping at once, without finishing.\n`);
      process.exit(1);
    }
    stopping = true;
    void drain(parts, signal, deadlineMs).then((code) => process.exit(code));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

async function drain(parts: ServeParts, signal: NodeJS.Signals, deadlineMs: number): Promise<number> {
  const log = parts.server.log;
  const started = Date.now();
  let step = "finishing the requests in flight";
  log.info({ signal, deadlineMs }, "stopping: finishing what was accepted, taking nothing new");
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      log.error({ step }, `not stopped within ${deadlineMs / 1000} s: exiting while ${step}`);
      resolve(1);
    }, deadlineMs);
  });
  const steps = (async () => {
    parts.readiness.markStopping();
    parts.stopTimers();
    await closeServer(parts.server);
    step = "writing the status changes queued for group commit";
    await drainStatusWrites(parts.deps);
    step = "waiting for the portfolio sync this server runs";
    await syncsSettled(parts.deps);
    step = "waiting for the running jobs";
    await parts.jobRunner()?.stop();
    await drainStatusWrites(parts.deps);
    step = "closing the database";
    await parts.closeDatabase();
    log.info({ ms: Date.now() - started }, "stopped");
    return 0;
  })().catch((error: unknown) => {
    log.error({ err: error, step }, `stopping failed while ${step}`);
    return 1;
  });
  const code = await Promise.race([steps, deadline]);
  clearTimeout(timer);
  return code;
}

/**
 * Fastify's close stops the listener, answers 503 to requests that arrive on
 * open connections, and waits for the requests in flight. A keep-alive
 * connection whose request finished stays open until its client's next
 * request or Fastify's 72 s keep-alive timeout, far past any deadline: close
 * each as soon as it is idle.
 */
async function closeServer(server: FastifyInstance): Promise<void> {
  const reaper = setInterval(() => server.server.closeIdleConnections(), 100);
  try {
    await server.close();
  } finally {
    clearInterval(reaper);
  }
}
