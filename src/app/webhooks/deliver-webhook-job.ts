import { hurryJob, queuedRunAt } from "../../db/repositories/job-repository.ts";
import {
  loadDeliveryToSend,
  neighbourPendingDelivery,
  recordDeliveryAttempt,
} from "../../db/repositories/webhook-repository.ts";
import { exponentialBackoff } from "../../domain/jobs/schedule.ts";
import type { AppDeps } from "../app-deps.ts";
import { isLastAttempt, type JobHandler } from "../jobs/job-runner.ts";
import { postWebhook } from "./post-webhook.ts";
import { webhookSignature } from "./webhook-signature.ts";

/** 5 s after the first failure, doubling, at most two hours apart; for 24 hours (the job's retry_until). */
const backoff = exponentialBackoff(5_000, 2 * 3_600_000);

/** While an earlier delivery of the entitlement is pending and not queued (being sent), look again this soon. */
const waitForEarlier = 1_000;

export const deliveryJobKey = (deliveryId: number) => `webhook.deliver:${deliveryId}`;

/**
 * Sends one webhook delivery (job webhook.deliver, queued by the status
 * write statement or a redelivery). Deliveries of one entitlement to one
 * subscription go in order: while an earlier one is pending this one waits.
 * A 2xx answer delivers it and hurries the next one of its entitlement; any
 * other outcome is logged and retried by the runner with backoff, until the
 * last attempt marks it failed (and lets the next one go).
 */
export const deliverWebhookJob: JobHandler = {
  kind: "webhook.deliver",
  backoff,
  run: async (deps, job) => {
    const db = deps.database.db;
    const delivery = await loadDeliveryToSend(db, Number(job.payload.deliveryId));
    if (delivery?.state !== "pending") return undefined;
    const earlier = await neighbourPendingDelivery(db, delivery, "before");
    if (earlier !== null) {
      // Wait for the earlier one's next attempt; its success (or last failure) hurries this one.
      const next = (await queuedRunAt(db, deliveryJobKey(earlier)))?.getTime() ?? 0;
      return { deferUntil: new Date(Math.max(next, deps.now().getTime()) + waitForEarlier) };
    }

    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(deps.now().getTime() / 1000);
    const outcome = await postWebhook(
      delivery.url,
      {
        "webhook-id": delivery.messageId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": webhookSignature(delivery.secret, delivery.messageId, timestamp, body),
      },
      body,
    );
    const ok = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    const error = ok ? null : (outcome.error ?? `the receiver answered ${outcome.statusCode}`);
    const last = !ok && isLastAttempt(job, backoff, deps.now());
    await recordDeliveryAttempt(db, {
      deliveryId: delivery.id,
      at: deps.now(),
      statusCode: outcome.statusCode,
      durationMs: outcome.durationMs,
      error,
      state: ok ? "delivered" : last ? "failed" : "pending",
    });
    if (ok || last) await hurryNext(deps, delivery);
    if (!ok) throw new Error(error ?? "not delivered");
    return undefined;
  },
};

async function hurryNext(
  deps: AppDeps,
  delivery: { id: number; subscriptionId: string; entitlementId: string | null },
): Promise<void> {
  const next = await neighbourPendingDelivery(deps.database.db, delivery, "after");
  if (next !== null) await hurryJob(deps.database.db, deliveryJobKey(next), deps.now());
}
