import { z } from "zod";
import { webhookEventTypes } from "../../domain/webhooks/webhook-events.ts";

/** Webhook subscriptions and their delivery log (docs/WEBHOOKS.md). */

export const webhookEventTypeSchema = z.enum(webhookEventTypes);

export const webhookSubscriptionSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(webhookEventTypeSchema),
  description: z.string(),
  createdAt: z.date(),
});

/** The answer to a new subscription: the only time its signing secret is shown. */
export const createdWebhookSchema = webhookSubscriptionSchema.extend({
  secret: z
    .string()
    .describe("whsec_<base64>: verify each delivery's webhook-signature with it (Standard Webhooks)"),
});

export const webhookListSchema = z.object({ items: z.array(webhookSubscriptionSchema) });

export const createWebhookBodySchema = z
  .object({
    url: z.string().max(2000, "at most 2,000 characters").describe("http(s) URL the events are POSTed to"),
    events: z.array(webhookEventTypeSchema).min(1, "name at least one event").max(webhookEventTypes.length),
    description: z.string().max(500, "at most 500 characters").optional(),
  })
  .strict();

export const webhookDeliverySchema = z.object({
  id: z.number().int(),
  /** The event's webhook-id header, the same on every attempt. */
  messageId: z.string(),
  type: z.string(),
  entitlementId: z.string().nullable(),
  state: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable().describe("HTTP status of the last attempt; null when none came"),
  lastDurationMs: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
  createdAt: z.date(),
});

export const webhookDeliveryListSchema = z.object({ items: z.array(webhookDeliverySchema) });

export const webhookDeliveryParamsSchema = z.object({
  id: z.uuid("must be a UUID"),
  deliveryId: z.coerce.number().int("must be a whole number").positive("must be a delivery id"),
});

export type WebhookSubscription = z.infer<typeof webhookSubscriptionSchema>;
export type CreatedWebhook = z.infer<typeof createdWebhookSchema>;
export type CreateWebhookBody = z.infer<typeof createWebhookBodySchema>;
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;
