import type { Db } from "../../db/client.ts";
import { enqueueJob, requeueJob } from "../../db/repositories/job-repository.ts";
import { findDelivery, markDeliveryPending } from "../../db/repositories/webhook-repository.ts";
import { saidError } from "../../domain/app-error.ts";
import type { WebhookDelivery } from "../../http/schemas/webhooks.ts";
import type { AppDeps } from "../app-deps.ts";
import { recordAudit, type WriteContext } from "../audit/record-audit.ts";
import { requireActor, requireAllowed } from "../auth/authorize-actor.ts";
import { deliveryJobKey } from "./deliver-webhook-job.ts";

/**
 * Sends a delivery again (Admins only): delivered or failed, it becomes
 * pending and its job is queued now, retried for another 24 hours. The event
 * keeps its webhook-id, so a receiver can tell it saw it before.
 */
export async function redeliverWebhook(
  deps: AppDeps,
  context: WriteContext,
  input: { webhookId: string; deliveryId: number },
): Promise<WebhookDelivery> {
  requireAllowed(deps, requireActor(deps, context.actor), { type: "webhooks.manage" });
  return deps.database.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const delivery = await findDelivery(tx, input.webhookId, input.deliveryId);
    if (!delivery) {
      throw saidError(
        "not_found",
        "no_delivery",
        { webhook: input.webhookId, delivery: input.deliveryId },
        { detail: input },
      );
    }
    if (delivery.state === "pending") {
      throw saidError("conflict", "delivery_pending", { delivery: input.deliveryId }, { detail: input });
    }
    const now = deps.now();
    await markDeliveryPending(tx, delivery.id);
    const key = deliveryJobKey(delivery.id);
    if (!(await requeueJob(tx, { key }, now))) {
      // Its job was pruned (finished over 7 days ago): a new one under the same key.
      await enqueueJob(
        tx,
        {
          kind: "webhook.deliver",
          payload: { deliveryId: delivery.id },
          key,
          maxAttempts: 1000,
          retryUntil: new Date(now.getTime() + 86_400_000),
        },
        now,
      );
    }
    await recordAudit(tx, deps, context, {
      action: "webhook.redeliver",
      targetType: "webhook",
      targetId: input.webhookId,
      before: { deliveryId: delivery.id, state: delivery.state },
      after: { deliveryId: delivery.id, state: "pending" },
    });
    return { ...delivery, state: "pending" as const };
  });
}
