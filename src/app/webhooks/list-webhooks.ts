import { listSubscriptions } from "../../db/repositories/webhook-repository.ts";
import type { WebhookSubscription } from "../../http/schemas/webhooks.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireActor, requireAllowed } from "../auth/authorize-actor.ts";

/** Every webhook subscription, oldest first, without secrets (Admins only). */
export async function listWebhooks(deps: AppDeps, actor: Actor): Promise<WebhookSubscription[]> {
  requireAllowed(deps, requireActor(deps, actor), { type: "webhooks.manage" });
  return listSubscriptions(deps.database.db);
}
