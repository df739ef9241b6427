import { and, desc, eq, gt, lt, sql } from "drizzle-orm";
import type { CreatedWebhook, WebhookDelivery, WebhookSubscription } from "../../http/schemas/webhooks.ts";
import type { Db } from "../client.ts";
import { webhookAttempts, webhookDeliveries, webhookEvents, webhookSubscriptions } from "../schema.ts";

const subscriptionColumns = {
  id: webhookSubscriptions.id,
  url: webhookSubscriptions.url,
  events: webhookSubscriptions.events,
  description: webhookSubscriptions.description,
  createdAt: webhookSubscriptions.createdAt,
};

export async function insertSubscription(
  db: Db,
  row: {
    url: string;
    events: string[];
    secret: string;
    description: string;
    createdBy: string | null;
    at: Date;
  },
): Promise<CreatedWebhook> {
  const [created] = await db
    .insert(webhookSubscriptions)
    .values({ ...row, createdAt: row.at })
    .returning({ ...subscriptionColumns, secret: webhookSubscriptions.secret });
  return created as CreatedWebhook;
}

export async function listSubscriptions(db: Db): Promise<WebhookSubscription[]> {
  const rows = await db
    .select(subscriptionColumns)
    .from(webhookSubscriptions)
    .orderBy(webhookSubscriptions.createdAt);
  return rows as WebhookSubscription[];
}

export async function findSubscription(db: Db, id: string): Promise<WebhookSubscription | null> {
  const [row] = await db
    .select(subscriptionColumns)
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.id, id));
  return (row as WebhookSubscription | undefined) ?? null;
}

/** Deletes a subscription with its deliveries (their jobs then find nothing to send). */
export async function deleteSubscription(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .delete(webhookSubscriptions)
    .where(eq(webhookSubscriptions.id, id))
    .returning({ id: webhookSubscriptions.id });
  return rows.length > 0;
}

const deliveryColumns = {
  id: webhookDeliveries.id,
  messageId: webhookEvents.messageId,
  type: webhookEvents.type,
  entitlementId: webhookDeliveries.entitlementId,
  state: webhookDeliveries.state,
  attempts: webhookDeliveries.attempts,
  lastStatus: webhookDeliveries.lastStatus,
  lastDurationMs: webhookDeliveries.lastDurationMs,
  lastError: webhookDeliveries.lastError,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
  deliveredAt: webhookDeliveries.deliveredAt,
  createdAt: webhookDeliveries.createdAt,
};

/** A subscription's deliveries, newest first. */
export async function listDeliveries(
  db: Db,
  subscriptionId: string,
  limit: number,
): Promise<WebhookDelivery[]> {
  const rows = await db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.subscriptionId, subscriptionId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
  return rows as WebhookDelivery[];
}

export async function findDelivery(
  db: Db,
  subscriptionId: string,
  id: number,
): Promise<WebhookDelivery | null> {
  const [row] = await db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.subscriptionId, subscriptionId), eq(webhookDeliveries.id, id)));
  return (row as WebhookDelivery | undefined) ?? null;
}

/** What one delivery attempt sends, and to whom. */
export interface DeliveryToSend {
  id: number;
  subscriptionId: string;
  entitlementId: string | null;
  state: string;
  url: string;
  secret: string;
  messageId: string;
  payload: unknown;
}

export async function loadDeliveryToSend(db: Db, id: number): Promise<DeliveryToSend | null> {
  const [row] = await db
    .select({
      id: webhookDeliveries.id,
      subscriptionId: webhookDeliveries.subscriptionId,
      entitlementId: webhookDeliveries.entitlementId,
      state: webhookDeliveries.state,
      url: webhookSubscriptions.url,
      secret: webhookSubscriptions.secret,
      messageId: webhookEvents.messageId,
      payload: webhookEvents.payload,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(eq(webhookDeliveries.id, id));
  return row ?? null;
}

/**
 * The pending delivery of the same entitlement to the same subscription that
 * comes right before (`before`) or after (`after`) this one, if any: deliveries of
 * one entitlement go out one after the other, in order.
 */
export async function neighbourPendingDelivery(
  db: Db,
  delivery: { id: number; subscriptionId: string; entitlementId: string | null },
  side: "before" | "after",
): Promise<number | null> {
  if (delivery.entitlementId === null) return null;
  const [row] = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.subscriptionId, delivery.subscriptionId),
        eq(webhookDeliveries.entitlementId, delivery.entitlementId),
        eq(webhookDeliveries.state, "pending"),
        side === "before" ? lt(webhookDeliveries.id, delivery.id) : gt(webhookDeliveries.id, delivery.id),
      ),
    )
    .orderBy(webhookDeliveries.id)
    .limit(1);
  return row?.id ?? null;
}

/** Logs one attempt and sets the delivery's state from it, in one transaction. */
export async function recordDeliveryAttempt(
  db: Db,
  attempt: {
    deliveryId: number;
    at: Date;
    statusCode: number | null;
    durationMs: number;
    error: string | null;
    state: "pending" | "delivered" | "failed";
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({
      deliveryId: attempt.deliveryId,
      at: attempt.at,
      statusCode: attempt.statusCode,
      durationMs: attempt.durationMs,
      error: attempt.error,
    });
    await tx
      .update(webhookDeliveries)
      .set({
        state: attempt.state,
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        lastStatus: attempt.statusCode,
        lastDurationMs: attempt.durationMs,
        lastError: attempt.error,
        lastAttemptAt: attempt.at,
        deliveredAt: attempt.state === "delivered" ? attempt.at : null,
      })
      .where(eq(webhookDeliveries.id, attempt.deliveryId));
  });
}

/** Marks a delivery to be sent again (a manual redelivery). */
export async function markDeliveryPending(db: Db, id: number): Promise<void> {
  await db.update(webhookDeliveries).set({ state: "pending" }).where(eq(webhookDeliveries.id, id));
}
