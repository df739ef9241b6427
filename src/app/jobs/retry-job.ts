import { findJob, type Job, requeueJob } from "../../db/repositories/job-repository.ts";
import { AppError, saidError } from "../../domain/app-error.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireActor, requireAllowed } from "../auth/authorize-actor.ts";

/**
 * Queues a failed job again now, its attempts counted afresh. Admins only. A
 * job still queued or running is refused (it will run anyway); a done one too.
 */
export async function retryJob(deps: AppDeps, actor: Actor, id: number): Promise<Job> {
  requireAllowed(deps, requireActor(deps, actor), { type: "jobs.manage" });
  const db = deps.database.db;
  const job = Number.isSafeInteger(id) ? await findJob(db, id) : null;
  if (!job) throw saidError("not_found", "no_job", { id }, { detail: { jobId: id } });
  if (job.state !== "failed") {
    throw new AppError("conflict", `Job ${id} is ${job.state}; only a failed job is retried.`, {
      detail: { jobId: id, state: job.state },
    });
  }
  await requeueJob(db, { id }, deps.now());
  return (await findJob(db, id)) ?? job;
}
