import {
  countJobsByState,
  type Job,
  type JobState,
  listJobRows,
} from "../../db/repositories/job-repository.ts";
import { saidError, saidViolation } from "../../domain/app-error.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireActor, requireAllowed } from "../auth/authorize-actor.ts";

export const jobStates: readonly JobState[] = ["queued", "running", "failed", "done"];

/** Background jobs newest first (one state or all), with the count in each state. Admins only. */
export async function listJobs(
  deps: AppDeps,
  actor: Actor,
  input: { state?: string | undefined; limit?: number | undefined },
): Promise<{ jobs: Job[]; counts: Record<JobState, number> }> {
  requireAllowed(deps, requireActor(deps, actor), { type: "jobs.manage" });
  const state = input.state as JobState | undefined;
  if (state !== undefined && !jobStates.includes(state)) {
    throw saidError(
      "validation_failed",
      "job_state_unknown",
      { state },
      {
        violations: [
          saidViolation("state", "unknown_state", "job_state_use", { states: jobStates.join(", ") }),
        ],
      },
    );
  }
  const limit = Math.min(Math.max(input.limit ?? 100, 1), 1000);
  const db = deps.database.db;
  const [jobs, counts] = await Promise.all([
    listJobRows(db, state ? { state, limit } : { limit }),
    countJobsByState(db),
  ]);
  return { jobs, counts };
}
