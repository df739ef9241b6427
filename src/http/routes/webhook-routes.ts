import type { AppDeps } from "../../app/app-deps.ts";
import { createWebhook } from "../../app/webhooks/create-webhook.ts";
import { deleteWebhook } from "../../app/webhooks/delete-webhook.ts";
import { listWebhookDeliveries } from "../../app/webhooks/list-webhook-deliveries.ts";
import { listWebhooks } from "../../app/webhooks/list-webhooks.ts";
import { redeliverWebhook } from "../../app/webhooks/redeliver-webhook.ts";
import { writeContextOf } from "../acting-user.ts";
import { authedProblemResponses, idParamsSchema, noContentSchema } from "../schemas/common.ts";
import {
  createdWebhookSchema,
  createWebhookBodySchema,
  webhookDeliveryListSchema,
  webhookDeliveryParamsSchema,
  webhookDeliverySchema,
  webhookListSchema,
} from "../schemas/webhooks.ts";
import type { Api } from "./api.ts";

/** Webhook subscriptions and their delivery log (Admins only; docs/WEBHOOKS.md). */
export function webhookRoutes(api: Api, deps: AppDeps): void {
  api.post(
    "/webhooks",
    {
      schema: {
        tags: ["webhooks"],
        summary: "Subscribe a URL to events; the answer shows the signing secret once",
        body: createWebhookBodySchema,
        response: { 201: createdWebhookSchema, ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      const created = await createWebhook(deps, await writeContextOf(request), request.body);
      return reply.status(201).send(created);
    },
  );

  api.get(
    "/webhooks",
    {
      schema: {
        tags: ["webhooks"],
        summary: "Every webhook subscription",
        response: { 200: webhookListSchema, ...authedProblemResponses },
      },
    },
    async (request) => ({ items: await listWebhooks(deps, await request.actor()) }),
  );

  api.delete(
    "/webhooks/:id",
    {
      schema: {
        tags: ["webhooks"],
        summary: "End a subscription; its pending deliveries are dropped",
        params: idParamsSchema,
        response: { 204: noContentSchema, ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      await deleteWebhook(deps, await writeContextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  api.get(
    "/webhooks/:id/deliveries",
    {
      schema: {
        tags: ["webhooks"],
        summary: "A subscription's delivery log, newest first",
        params: idParamsSchema,
        response: { 200: webhookDeliveryListSchema, ...authedProblemResponses },
      },
    },
    async (request) => ({
      items: await listWebhookDeliveries(deps, await request.actor(), { webhookId: request.params.id }),
    }),
  );

  api.post(
    "/webhooks/:id/deliveries/:deliveryId/redeliver",
    {
      schema: {
        tags: ["webhooks"],
        summary: "Send a delivered or failed delivery again",
        params: webhookDeliveryParamsSchema,
        response: { 202: webhookDeliverySchema, ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      const delivery = await redeliverWebhook(deps, await writeContextOf(request), {
        webhookId: request.params.id,
        deliveryId: request.params.deliveryId,
      });
      return reply.status(202).send(delivery);
    },
  );
}
