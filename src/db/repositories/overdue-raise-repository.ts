import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";

/** A next action date that passed on an entitlement, with the segments that carry it. */
export interface OverdueNextAction {
  entitlementId: string;
  tenantId: string;
  serviceId: string;
  version: number;
  nextActionDate: string;
  segments: {
    position: number;
    seats: number;
    l1: string;
    nextAction: string | null;
    owner: string | null;
  }[];
}

/**
 * Up to `limit` (entitlement, next action date) pairs with the date before
 * `today`, on entitlements not ended, whose next_action.overdue was not
 * raised yet; oldest date first.
 */
export async function unraisedOverdue(db: Db, today: string, limit: number): Promise<OverdueNextAction[]> {
  return rowsOf<OverdueNextAction>(
    db,
    sql`select s.entitlement_id::text as "entitlementId", e.tenant_id::text as "tenantId",
        e.service_id as "serviceId", e.version, s.next_action_date::text as "nextActionDate",
        json_agg(json_build_object('position', s.position, 'seats', s.seats, 'l1', s.l1,
          'nextAction', s.next_action, 'owner', s.owner) order by s.position) as segments
      from status_segments s join entitlements e on e.id = s.entitlement_id
      where s.next_action_date < ${today}::date and e.ended_at is null
        and not exists (select 1 from next_action_overdue_raised r
          where r.entitlement_id = s.entitlement_id and r.next_action_date = s.next_action_date)
      group by s.entitlement_id, e.tenant_id, e.service_id, e.version, s.next_action_date
      order by s.next_action_date, s.entitlement_id
      limit ${limit}`,
  );
}

/**
 * Records that next_action.overdue was raised for these pairs; returns the
 * pairs this call recorded (a pair recorded before, by another server, is
 * not returned: its event is not raised again).
 */
export async function recordOverdueRaised(
  db: Db,
  pairs: readonly { entitlementId: string; nextActionDate: string }[],
  now: Date,
): Promise<{ entitlementId: string; nextActionDate: string }[]> {
  if (pairs.length === 0) return [];
  const rows = JSON.stringify(pairs.map((p) => ({ entitlement_id: p.entitlementId, day: p.nextActionDate })));
  return rowsOf(
    db,
    sql`insert into next_action_overdue_raised (entitlement_id, next_action_date, raised_at)
      select r.entitlement_id, r.day, ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${rows}::jsonb) as r(entitlement_id uuid, day date)
      on conflict do nothing
      returning entitlement_id::text as "entitlementId", next_action_date::text as "nextActionDate"`,
  );
}

/** Whether any webhook subscription wants this event type. */
export async function someoneSubscribed(db: Db, type: string): Promise<boolean> {
  const rows = await rowsOf<{ yes: boolean }>(
    db,
    sql`select exists (select 1 from webhook_subscriptions where ${type} = any(events)) as yes`,
  );
  return rows[0]?.yes ?? false;
}
