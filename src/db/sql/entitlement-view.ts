import type { Stage } from "../../domain/playbook/playbook-schema.ts";
import type { SplitReason, StatusSegment } from "../../domain/status-segment.ts";
import type { statusSegments } from "../schema.ts";

/** A stored segment: the status plus when its seats entered their current L1 (ISO timestamp). */
export interface StoredSegment extends StatusSegment {
  l1Since: string;
}

/** One entitlement as every reader sees it: who, which service, and its status segments. */
export interface EntitlementView {
  id: string;
  version: number;
  tenant: { id: string; name: string; domain: string };
  customer: { id: string; name: string; externalId: string };
  service: { id: string; name: string; code: string };
  availableSeats: number;
  stage: Stage;
  /** ISO timestamp of the last status change (or creation). */
  updatedAt: string;
  segments: StoredSegment[];
  /** Seats in Blocked segments. */
  blockedSeats: number;
}

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
