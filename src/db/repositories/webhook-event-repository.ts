import { sql } from "drizzle-orm";
import type { WebhookEventType } from "../../domain/webhooks/webhook-events.ts";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";

export interface RaisedEvent {
  type: WebhookEventType;
  /** The entitlement it is about (deliveries for one entitlement go out in order), or null. */
  entitlementId: string | null;
  data: Record<string, unknown>;
}

/**
 * Puts one event that is not a status change (next_action.overdue,
 * escalation.*, work_item.shipped) in the webhook outbox: the event, a
 * delivery per subscription that wants its type and a webhook.deliver job
 * per delivery. Pass the transaction of the change that raises it, so a
 * rolled-back change leaves nothing to send. Without a subscription for the
 * type, nothing is written. Returns how many deliveries were queued.
 */
export async function raiseWebhookEvent(db: Db, event: RaisedEvent, now: Date): Promise<number> {
  const at = now.toISOString();
  const payload = JSON.stringify({ type: event.type, timestamp: at, data: event.data });
  const rows = await rowsOf<{ id: number }>(
    db,
    sql`
    with outbox as (
      insert into webhook_events (type, entitlement_id, payload, created_at)
      select ${event.type}, ${event.entitlementId}::uuid, ${payload}::jsonb, ${at}::timestamptz
      where exists (select 1 from webhook_subscriptions s where ${event.type} = any(s.events))
      returning id, type, entitlement_id, created_at
    ), fanned as (
      insert into webhook_deliveries (subscription_id, event_id, entitlement_id, created_at)
      select s.id, o.id, o.entitlement_id, o.created_at
      from outbox o join webhook_subscriptions s on o.type = any(s.events)
      order by s.id
      returning id, created_at
    )
    insert into jobs (kind, payload, state, run_at, max_attempts, retry_until, key, created_at, updated_at)
    select 'webhook.deliver', jsonb_build_object('deliveryId', f.id), 'queued', f.created_at, 1000,
      f.created_at + interval '24 hours', 'webhook.deliver:' || f.id, f.created_at, f.created_at
    from fanned f
    returning id::float8 as id`,
  );
  return rows.length;
}
