import { findSubscription, listDeliveries } from "../../db/repositories/webhook-repository.ts";
import type { WebhookDelivery } from "../../http/schemas/webhooks.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireActor, requireAllowed } from "../auth/authorize-actor.ts";
import { webhookNotFound } from "./delete-webhook.ts";

/** A subscription's delivery log, newest first: state, attempts, last status and duration (Admins only). */
export async function listWebhookDeliveries(
  deps: AppDeps,
  actor: Actor,
  input: { webhookId: string; limit?: number | undefined },
): Promise<WebhookDelivery[]> {
  requireAllowed(deps, requireActor(deps, actor), { type: "webhooks.manage" });
  const db = deps.database.db;
  if (!(await findSubscription(db, input.webhookId))) throw webhookNotFound(input.webhookId);
  return listDeliveries(db, input.webhookId, Math.min(Math.max(input.limit ?? 100, 1), 1000));
}
