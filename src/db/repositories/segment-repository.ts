import { asc, inArray, sql } from "drizzle-orm";
import type { StatusSegment } from "../../domain/status-segment.ts";
import type { Db } from "../client.ts";
import { statusSegments } from "../schema.ts";
import { type StoredSegment, toStoredSegment } from "./entitlement-view.ts";

/** The segments of many entitlements in one query, grouped by entitlement id, in position order. */
export async function segmentsOf(
  db: Db,
  entitlementIds: readonly string[],
): Promise<Map<string, StoredSegment[]>> {
  const grouped = new Map<string, StoredSegment[]>();
  if (entitlementIds.length === 0) return grouped;
  const rows = await db
    .select()
    .from(statusSegments)
    .where(inArray(statusSegments.entitlementId, [...entitlementIds]))
    .orderBy(asc(statusSegments.entitlementId), asc(statusSegments.position));
  for (const row of rows) {
    const list = grouped.get(row.entitlementId) ?? [];
    list.push(toStoredSegment(row));
    grouped.set(row.entitlementId, list);
  }
  return grouped;
}

/**
 * When each new segment's seats entered their L1. Aging counts from there, so
 * an edit that keeps the L1 (a new note, a moved date, a re-split) must not
 * reset it: the segment at the same position with the same L1 lends its date,
 * else any previous segment with that L1, else the change starts the clock.
 */
export function l1SinceFor(
  previous: readonly StoredSegment[],
  next: readonly StatusSegment[],
  now: Date,
): string[] {
  return next.map((segment, position) => {
    const samePosition = previous[position];
    if (samePosition && samePosition.l1 === segment.l1) return samePosition.l1Since;
    const sameL1 = previous.find((candidate) => candidate.l1 === segment.l1);
    return sameL1 ? sameL1.l1Since : now.toISOString();
  });
}

/** Replaces all segments of an entitlement; call inside the transaction that holds its row lock. */
export async function replaceSegments(
  tx: Db,
  entitlementId: string,
  segments: readonly StoredSegment[],
): Promise<void> {
  await writeSegments(tx, [{ entitlementId, segments }]);
}

/**
 * Replaces the segments of many entitlements in one statement: each segment
 * overwrites the one at its position (inserted when there is none) and
 * positions past the new count go. One statement rather than delete-then-insert
 * lets the segment triggers see the old and new segments of an edit together,
 * so report cells an edit leaves in place are not taken out and put back.
 * Call inside the transaction that holds the entitlements' row locks.
 */
export async function writeSegments(
  tx: Db,
  writes: readonly { entitlementId: string; segments: readonly StoredSegment[] }[],
): Promise<void> {
  if (writes.length === 0) return;
  const rows = writes.flatMap(({ entitlementId, segments }) =>
    segments.map((segment, position) => ({
      entitlementId,
      position,
      seats: segment.seats,
      l1: segment.l1,
      scenarioId: segment.scenarioId,
      l2: segment.l2,
      l3: segment.l3,
      serviceStatus: segment.serviceStatus,
      engagementScenario: segment.engagementScenario,
      targetDate: segment.targetDate,
      owner: segment.owner,
      note: segment.note,
      nextActionDate: segment.nextActionDate,
      nextAction: segment.nextAction,
      splitReason: segment.splitReason,
      l1Since: segment.l1Since,
    })),
  );
  const counts = writes.map(({ entitlementId, segments }) => ({ id: entitlementId, count: segments.length }));
  await tx.execute(sql`
    with written as (
      insert into status_segments (entitlement_id, position, seats, l1, scenario_id, l2, l3, service_status,
        engagement_scenario, target_date, owner, note, next_action_date, next_action, split_reason, l1_since)
      select "entitlementId", position, seats, l1, "scenarioId", l2, l3, "serviceStatus", "engagementScenario",
        "targetDate", owner, note, "nextActionDate", "nextAction", "splitReason", "l1Since"
      from json_to_recordset(${JSON.stringify(rows)}::json) as r("entitlementId" uuid, position integer,
        seats integer, l1 text, "scenarioId" text, l2 text, l3 text, "serviceStatus" text, "engagementScenario" text,
        "targetDate" date, owner text, note text, "nextActionDate" date, "nextAction" text, "splitReason" text,
        "l1Since" timestamptz)
      on conflict (entitlement_id, position) do update set
        seats = excluded.seats, l1 = excluded.l1, scenario_id = excluded.scenario_id, l2 = excluded.l2,
        l3 = excluded.l3, service_status = excluded.service_status,
        engagement_scenario = excluded.engagement_scenario, target_date = excluded.target_date,
        owner = excluded.owner, note = excluded.note, next_action_date = excluded.next_action_date,
        next_action = excluded.next_action, split_reason = excluded.split_reason, l1_since = excluded.l1_since
    )
    delete from status_segments s
     using json_to_recordset(${JSON.stringify(counts)}::json) as c(id uuid, count integer)
     where s.entitlement_id = c.id and s.position >= c.count`);
}
