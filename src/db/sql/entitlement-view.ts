import type { SplitReason, StatusSegment } from "../../domain/status-segment.ts";
import type { StoredSegment } from "../../http/schemas/entitlements.ts";
import type { statusSegments } from "../schema.ts";

/** The L1 whose seats the blocked counts and blocked reports are about. */
export const blockedL1 = "blocked";

export function toStoredSegment(row: typeof statusSegments.$inferSelect): StoredSegment {
  return {
    seats: row.seats,
    l1: row.l1,
    scenarioId: row.scenarioId,
    l2: row.l2,
    l3: row.l3,
    serviceStatus: row.serviceStatus,
    engagementScenario: row.engagementScenario,
    targetDate: row.targetDate,
    owner: row.owner,
    ownerRef: row.ownerUserId
      ? { kind: "person", userId: row.ownerUserId }
      : row.ownerTeam
        ? { kind: "team", role: row.ownerTeam }
        : null,
    note: row.note,
    nextActionDate: row.nextActionDate,
    nextAction: row.nextAction,
    splitReason: row.splitReason as SplitReason | null,
    l1Since: row.l1Since.toISOString(),
  };
}

export function blockedSeatsOf(segments: readonly StatusSegment[]): number {
  return segments.filter((segment) => segment.l1 === blockedL1).reduce((sum, s) => sum + s.seats, 0);
}
