import { findJob, type Job, requeueJob } from "../../db/repositories/job-repository.ts";
import { saidError } from "../../domain/app-error.ts";
import { errorText } from "../../domain/i18n/server-texts.ts";
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
    throw saidError(
      "conflict",
      "job_not_failed",
      { id, state: (language) => errorText.say(language, `state_${job.state}`) },
      { detail: { jobId: id, state: job.state } },
    );
  }
  await requeueJob(db, { id }, deps.now());
  return (await findJob(db, id)) ?? job;
}
