import type { Db } from "../../db/client.ts";
import { deleteSubscription, findSubscription } from "../../db/repositories/webhook-repository.ts";
import { type AppError, saidError } from "../../domain/app-error.ts";
import type { AppDeps } from "../app-deps.ts";
import { recordAudit, type WriteContext } from "../audit/record-audit.ts";
import { requireActor, requireAllowed } from "../auth/authorize-actor.ts";

/** Ends a subscription (Admins only): its pending deliveries are dropped with it. */
export async function deleteWebhook(deps: AppDeps, context: WriteContext, id: string): Promise<void> {
  requireAllowed(deps, requireActor(deps, context.actor), { type: "webhooks.manage" });
  await deps.database.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const before = await findSubscription(tx, id);
    if (!before || !(await deleteSubscription(tx, id))) throw webhookNotFound(id);
    await recordAudit(tx, deps, context, {
      action: "webhook.delete",
      targetType: "webhook",
      targetId: id,
      before,
      after: null,
    });
  });
}

export function webhookNotFound(id: string): AppError {
  return saidError("not_found", "no_webhook", { id }, { detail: { webhookId: id } });
}
