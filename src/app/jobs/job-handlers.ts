import { pruneDoneJobs } from "../../db/repositories/job-repository.ts";
import type { Schedule } from "../../domain/jobs/schedule.ts";
import { escalationRulesJob, escalationRulesSchedule } from "../escalations/escalation-rules-job.ts";
import { digestScanJob, digestScanSchedule, digestSendJob } from "../notifications/digest-jobs.ts";
import {
  handoverNoticeJob,
  legacyNoIntentNoticeJob,
  mailNotificationJob,
} from "../notifications/notification-jobs.ts";
import {
  judgeNotesJob,
  judgeNotesSchedule,
  overdueWebhookJob,
  overdueWebhookSchedule,
} from "../quality/quality-jobs.ts";
import { deliverWebhookJob } from "../webhooks/deliver-webhook-job.ts";
import type { JobHandler } from "./job-runner.ts";

/** Finished jobs are kept this long for `unblock jobs`, then deleted; failed ones stay. */
const keepDoneFor = 7 * 86_400_000;

const pruneJobs: JobHandler = {
  kind: "jobs.prune",
  run: async (deps) => {
    await pruneDoneJobs(deps.database.db, new Date(deps.now().getTime() - keepDoneFor));
    return undefined;
  },
};

/** Every kind of job the server runs, and the recurring ones' schedules. */
export function serverJobs(): { handlers: JobHandler[]; schedules: Schedule[] } {
  return {
    handlers: [
      pruneJobs,
      deliverWebhookJob,
      handoverNoticeJob,
      legacyNoIntentNoticeJob,
      mailNotificationJob,
      digestScanJob,
      digestSendJob,
      judgeNotesJob,
      overdueWebhookJob,
      escalationRulesJob,
    ],
    schedules: [
      { kind: "jobs.prune", dailyAt: "03:00" },
      judgeNotesSchedule,
      overdueWebhookSchedule,
      digestScanSchedule,
      escalationRulesSchedule,
    ],
  };
}
