import { sql } from "drizzle-orm";
import { accountTeamHandovers } from "../../domain/notifications/account-team-handover.ts";
import { statusChangeEvents } from "../../domain/webhooks/webhook-events.ts";
import type { StatusSnapshot } from "../../http/schemas/entitlements.ts";
import type { Db } from "../client.ts";
import type { StatusWrite } from "../repositories/entitlement-repository.ts";

/** What a status write leaves for later, written by the same statement (so only if the write lands). */
export interface StatusOutbox {
  /** Webhook events (docs/WEBHOOKS.md), in the order they are sent. */
  events: Record<string, unknown>[];
  /** Jobs the change calls for: the notices of a handover to the account team. */
  followUps: Record<string, unknown>[];
}

/** Adds one write's events and follow-up jobs to `outbox`. */
export function addToOutbox(outbox: StatusOutbox, write: StatusWrite, after: StatusSnapshot): void {
  const { locked, now } = write;
  const version = locked.version + 1;
  const seats = (segments: readonly { l1: string; seats: number }[]) =>
    segments.filter((segment) => segment.l1 === "blocked").reduce((sum, segment) => sum + segment.seats, 0);
  const data = {
    entitlementId: locked.id,
    serviceId: locked.serviceId,
    version,
    stage: after.stage,
    stageBefore: locked.stage,
    blockedSeats: { before: seats(locked.segments), after: seats(after.segments) },
    segments: after.segments.map((segment) => ({
      seats: segment.seats,
      l1: segment.l1,
      l2: segment.l2 ?? null,
      l3: segment.l3 ?? null,
      targetDate: segment.targetDate ?? null,
      nextActionDate: segment.nextActionDate ?? null,
    })),
    changedBy: { id: write.actor.id, role: write.actor.role },
    source: write.source,
  };
  for (const type of statusChangeEvents(locked.segments, after.segments)) {
    outbox.events.push({
      entitlementId: locked.id,
      type,
      seq: outbox.events.length,
      createdAt: now.toISOString(),
      payload: { type, timestamp: now.toISOString(), data },
    });
  }
  for (const l1 of accountTeamHandovers(locked, after)) {
    outbox.followUps.push({
      entitlementId: locked.id,
      kind: "notify.handover",
      payload: { entitlementId: locked.id, version, l1 },
      key: `notify.handover:${locked.id}:${version}:${l1}`,
      runAt: now.toISOString(),
    });
  }
}

/**
 * The CTE bodies `fanned` and `delivery_jobs` that give each event a
 * statement's `outbox` CTE inserted a delivery per subscription wanting its
 * type and a webhook.deliver job per delivery (retried for 24 hours). Shared
 * with the remap's statement (remap-status-batch-sql.ts).
 */
export const webhookFanOut = {
  fanned: sql`insert into webhook_deliveries (subscription_id, event_id, entitlement_id, created_at)
      select s.id, o.id, o.entitlement_id, o.created_at
      from outbox o join webhook_subscriptions s on o.type = any(s.events)
      order by o.id, s.id
      returning id, created_at`,
  deliveryJobs: sql`insert into jobs (kind, payload, state, run_at, max_attempts, retry_until, key, created_at, updated_at)
      select 'webhook.deliver', jsonb_build_object('deliveryId', f.id), 'queued', f.created_at, 1000,
        f.created_at + interval '24 hours', 'webhook.deliver:' || f.id, f.created_at, f.created_at
      from fanned f`,
};

/**
 * The outbox's parts of the status write statement, each joined to the
 * entitlements the statement's `updated` CTE changed: events go in only while
 * a subscription wants their type, with a delivery per subscription and a
 * webhook.deliver job per delivery (retried for 24 hours); follow-up jobs go
 * in as they are. One transaction with the change: rolled back, none exists.
 */
export function statusOutboxParts(db: Db) {
  const outbox = db.$with("outbox", {}).as(
    sql`insert into webhook_events (type, entitlement_id, payload, created_at)
      select v.type, v."entitlementId", v.payload, v."createdAt"
      from json_to_recordset(${sql.placeholder("events")}::json)
        as v("entitlementId" uuid, type text, seq integer, "createdAt" timestamptz, payload jsonb)
      join updated u on u.id = v."entitlementId"
      where exists (select 1 from webhook_subscriptions s where v.type = any(s.events))
      order by v.seq
      returning id, type, entitlement_id, created_at`,
  );
  const fanned = db.$with("fanned", {}).as(webhookFanOut.fanned);
  const deliveryJobs = db.$with("delivery_jobs", {}).as(webhookFanOut.deliveryJobs);
  const followUps = db.$with("follow_ups", {}).as(
    sql`insert into jobs (kind, payload, state, run_at, key, created_at, updated_at)
      select j.kind, j.payload, 'queued', j."runAt", j.key, j."runAt", j."runAt"
      from json_to_recordset(${sql.placeholder("followUps")}::json)
        as j("entitlementId" uuid, kind text, payload jsonb, key text, "runAt" timestamptz)
      join updated u on u.id = j."entitlementId"
      on conflict (key) do nothing`,
  );
  return [outbox, fanned, deliveryJobs, followUps] as const;
}
