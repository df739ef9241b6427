import type { Db } from "../../db/client.ts";
import { insertSubscription } from "../../db/repositories/webhook-repository.ts";
import type { CreatedWebhook, CreateWebhookBody } from "../../http/schemas/webhooks.ts";
import type { AppDeps } from "../app-deps.ts";
import { recordAudit, type WriteContext } from "../audit/record-audit.ts";
import { requireActor, requireAllowed } from "../auth/authorize-actor.ts";
import { newWebhookSecret } from "./webhook-signature.ts";
import { checkWebhookUrl } from "./webhook-target.ts";

/**
 * Subscribes a URL to events (Admins only). The answer carries the signing
 * secret, shown this once; the audit row records the subscription without it.
 * Events raised from now on are delivered; none from before.
 */
export async function createWebhook(
  deps: AppDeps,
  context: WriteContext,
  input: CreateWebhookBody,
): Promise<CreatedWebhook> {
  requireAllowed(deps, requireActor(deps, context.actor), { type: "webhooks.manage" });
  const url = checkWebhookUrl(input.url.trim()).toString();
  const events = [...new Set(input.events)];
  return deps.database.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const created = await insertSubscription(tx, {
      url,
      events,
      secret: newWebhookSecret(),
      description: input.description?.trim() ?? "",
      createdBy: context.actor.id || null,
      at: deps.now(),
    });
    const { secret: _secret, ...shown } = created;
    await recordAudit(tx, deps, context, {
      action: "webhook.create",
      targetType: "webhook",
      targetId: created.id,
      before: null,
      after: shown,
    });
    return created;
  });
}
