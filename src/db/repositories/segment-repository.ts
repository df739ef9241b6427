import { asc, inArray } from "drizzle-orm";
import type { StatusSegment } from "../../domain/status-segment.ts";
import type { StoredSegment } from "../../http/schemas/entitlements.ts";
import type { Db } from "../client.ts";
import { statusSegments } from "../schema.ts";
import { toStoredSegment } from "../sql/entitlement-view.ts";

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
