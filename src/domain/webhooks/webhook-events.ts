/**
 * The events a webhook subscription may ask for (docs/WEBHOOKS.md), and which
 * of them a status change raises. Pure: the status write statement asks
 * which events to put in the outbox with the change.
 */
export const webhookEventTypes = [
  "status.changed",
  "entitlement.blocked",
  "entitlement.unblocked",
  "next_action.overdue",
  "escalation.opened",
  "escalation.resolved",
  "work_item.shipped",
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

interface SegmentSeats {
  l1: string;
  seats: number;
}

const blockedSeats = (segments: readonly SegmentSeats[]) =>
  segments.filter((segment) => segment.l1 === "blocked").reduce((sum, segment) => sum + segment.seats, 0);

/**
 * The events of one recorded status change, in the order they are sent:
 * always status.changed; then entitlement.blocked when it had no Blocked
 * seats before and has some now, entitlement.unblocked the other way round.
 */
export function statusChangeEvents(
  before: readonly SegmentSeats[],
  after: readonly SegmentSeats[],
): WebhookEventType[] {
  const was = blockedSeats(before);
  const is = blockedSeats(after);
  const events: WebhookEventType[] = ["status.changed"];
  if (was === 0 && is > 0) events.push("entitlement.blocked");
  if (was > 0 && is === 0) events.push("entitlement.unblocked");
  return events;
}
