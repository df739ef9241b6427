import type { AppDeps } from "../app-deps.ts";
import { serverJobs } from "./job-handlers.ts";
import { JobRunner, type RunnerLog } from "./job-runner.ts";

/**
 * Starts the server's job runner (`unblock serve`): every handler and
 * schedule of serverJobs, polling each second when idle. Stop it before
 * closing the database: stop() waits for the jobs it is running.
 */
export function startJobRunner(deps: AppDeps, log: RunnerLog): JobRunner {
  const runner = new JobRunner(deps, { ...serverJobs(), log });
  runner.start();
  return runner;
}
