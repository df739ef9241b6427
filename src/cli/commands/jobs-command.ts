import { Command } from "commander";
import { listJobs } from "../../app/jobs/list-jobs.ts";
import { retryJob } from "../../app/jobs/retry-job.ts";
import type { Job } from "../../db/repositories/job-repository.ts";
import { type CommandIo, processIo } from "./command-io.ts";
import { asOption } from "./users-command-support.ts";

/**
 * `unblock jobs [--state queued|running|failed|done] [--json]` lists the
 * background jobs, newest first; `unblock jobs retry <id>` queues a failed one
 * again. Admins only (docs/JOBS.md).
 */
export function jobsCommand(io: CommandIo = processIo): Command {
  const jobs = new Command("jobs")
    .description("List background jobs (webhook deliveries, e-mails, schedules); retry failed ones")
    .option("--state <state>", "only jobs in this state: queued, running, failed or done")
    .option("--limit <n>", "at most this many", "100")
    .option("--json", "print JSON")
    .option(...asOption)
    .action(async (options: { state?: string; limit: string; json?: boolean; as?: string }) => {
      await io.withApp({ as: options.as }, async (deps, actor) => {
        const list = await listJobs(deps, actor, { state: options.state, limit: Number(options.limit) });
        if (options.json) {
          await io.out(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        const { counts } = list;
        const lines = list.jobs.map(jobLine);
        await io.out(
          `${lines.join("\n")}${lines.length > 0 ? "\n" : ""}queued ${counts.queued}, running ${counts.running}, failed ${counts.failed}, done ${counts.done}\n`,
        );
      });
    });
  jobs
    .command("retry <id>")
    .description("Queue a failed job again now, its attempts counted afresh")
    .option(...asOption)
    .action(async (id: string, options: { as?: string }) => {
      await io.withApp({ as: options.as }, async (deps, actor) => {
        const job = await retryJob(deps, actor, Number(id));
        await io.out(`Job ${job.id} (${job.kind}) is queued again.\n`);
      });
    });
  return jobs;
}

function jobLine(job: Job): string {
  const when = job.state === "queued" ? ` at ${job.runAt.toISOString()}` : "";
  const error = job.lastError ? `  last error: ${job.lastError}` : "";
  return `${job.id}  ${job.kind}  ${job.state}${when}  attempts ${job.attempts}/${job.maxAttempts}${error}`;
}
