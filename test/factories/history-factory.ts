import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../src/db/client.ts";
import { l1SinceFor } from "../../src/db/repositories/segment-repository.ts";
import { entitlements, statusHistory, statusSegments } from "../../src/db/schema.ts";
import type { StatusSnapshot, StoredSegment } from "../../src/http/schemas/entitlements.ts";
import { putSegments, type SegmentSeed } from "./portfolio.ts";

/** A Blocked segment of `seats` under `l2`, with any other fields (l3, splitReason, ...) in `extra`. */
export const blockedSegment = (seats: number, l2: string, extra: Record<string, unknown> = {}) => ({
  seats,
  l1: "blocked",
  l2,
  ...extra,
});

/**
 * Records a status the way a status write leaves it, at a moment of the
 * test's choosing and without the rules: the segments replaced, the
 * entitlement's version raised, and one history row with the whole before
 * and after. Segments keep their l1Since across a change that keeps their L1,
 * as the write does (l1SinceFor). Calls must come in time order per entitlement.
 */
export async function recordStatus(
  db: Db,
  entitlementId: string,
  at: string,
  segments: SegmentSeed[],
  options: { stage?: "assignment" | "delivery"; playbookVersion?: string } = {},
): Promise<StatusSnapshot> {
  const [last] = await db
    .select({ after: statusHistory.after, versionAfter: statusHistory.versionAfter })
    .from(statusHistory)
    .where(eq(statusHistory.entitlementId, entitlementId))
    .orderBy(desc(statusHistory.at), desc(statusHistory.id))
    .limit(1);
  const [entitlement] = await db.select().from(entitlements).where(eq(entitlements.id, entitlementId));
  const before: StatusSnapshot = (last?.after as StatusSnapshot | undefined) ?? {
    stage: entitlement!.stage as "assignment" | "delivery",
    availableSeats: entitlement!.availableSeats,
    segments: [],
  };
  const stored: StoredSegment[] = segments.map((segment) => ({
    scenarioId: `${segment.l1}_assignment`,
    l2: null,
    l3: null,
    serviceStatus: null,
    engagementScenario: null,
    targetDate: null,
    owner: null,
    ownerRef: null,
    note: "",
    nextActionDate: null,
    nextAction: null,
    splitReason: null,
    l1Since: at,
    ...segment,
  }));
  const since = l1SinceFor(before.segments, stored, new Date(at));
  const after: StatusSnapshot = {
    stage: options.stage ?? before.stage,
    availableSeats: stored.reduce((sum, segment) => sum + segment.seats, 0),
    segments: stored.map((segment, position) => ({ ...segment, l1Since: since[position]! })),
  };
  const version = (last?.versionAfter ?? entitlement!.version) + 1;
  await db.delete(statusSegments).where(eq(statusSegments.entitlementId, entitlementId));
  await putSegments(db, entitlementId, after.segments);
  await db
    .update(entitlements)
    .set({ version, stage: after.stage, availableSeats: after.availableSeats, updatedAt: new Date(at) })
    .where(eq(entitlements.id, entitlementId));
  await db.insert(statusHistory).values({
    entitlementId,
    at: new Date(at),
    actorRole: "admin",
    source: "cli",
    playbookVersion: options.playbookVersion ?? "test",
    versionAfter: version,
    before,
    after,
  });
  return after;
}

/** The history rows of the whole database, for a test that checks nothing else wrote any. */
export async function historyCount(db: Db): Promise<number> {
  const result = (await db.execute(sql`select count(*)::int as n from status_history`)) as unknown as {
    rows: { n: number }[];
  };
  return result.rows[0]?.n ?? 0;
}
