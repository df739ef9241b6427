import type { IsoDate } from "../status-segment.ts";
import { bucketsOf, type MovedSegment, type SeatBucket, seatMoves } from "./seat-moves.ts";

export const changeKinds = ["newly_blocked", "unblocked", "moved_l2", "target_moved"] as const;
export type ChangeKind = (typeof changeKinds)[number];

/**
 * One thing that changed in an entitlement's status between two dates, with
 * the seats it concerns. `fromL1`/`toL1` null: no status (the entitlement had
 * none yet, or the seats are gone).
 */
export interface StatusChange {
  kind: ChangeKind;
  seats: number;
  fromL1: string | null;
  fromL2: string | null;
  toL1: string | null;
  toL2: string | null;
  fromTargetDate: IsoDate | null;
  toTargetDate: IsoDate | null;
  /** The owner of the seats now (where they went), else where they came from. */
  owner: string | null;
}

const blockedL1 = "blocked";

/**
 * What changed between an entitlement's status at one date and at a later
 * one: seats newly Blocked (from what), unblocked (to what), moved from one
 * Blocked reason to another, and target dates moved on seats that kept their
 * L1 (and Blocked reason). Other moves (In Progress to No Intent, say) are in
 * the L1 flow report, not here.
 */
export function statusChanges(
  before: readonly MovedSegment[],
  after: readonly MovedSegment[],
): StatusChange[] {
  const changes: StatusChange[] = [];
  for (const { from, to, seats } of seatMoves(bucketsOf(before), bucketsOf(after))) {
    const kind = kindOf(from, to);
    if (!kind) continue;
    changes.push({
      kind,
      seats,
      fromL1: from?.l1 ?? null,
      fromL2: from?.l2 ?? null,
      toL1: to?.l1 ?? null,
      toL2: to?.l2 ?? null,
      fromTargetDate: from?.targetDate ?? null,
      toTargetDate: to?.targetDate ?? null,
      owner: to?.owner ?? from?.owner ?? null,
    });
  }
  return changes;
}

function kindOf(from: SeatBucket | null, to: SeatBucket | null): ChangeKind | null {
  const wasBlocked = from?.l1 === blockedL1;
  const isBlocked = to?.l1 === blockedL1;
  if (wasBlocked && isBlocked) {
    if (from.l2 !== to.l2) return "moved_l2";
    return from.targetDate !== to.targetDate ? "target_moved" : null;
  }
  if (wasBlocked) return "unblocked";
  if (isBlocked) return "newly_blocked";
  if (from && to && from.l1 === to.l1 && from.targetDate !== to.targetDate) return "target_moved";
  return null;
}

/** Seats moved from one L1 to another (null: no status), summed over an entitlement's moves. */
export interface L1Move {
  fromL1: string | null;
  toL1: string | null;
  seats: number;
}

/** The L1 to L1 moves of one entitlement's seats between two statuses, seats that kept their L1 included. */
export function l1Moves(before: readonly MovedSegment[], after: readonly MovedSegment[]): L1Move[] {
  const summed = new Map<string, L1Move>();
  for (const { from, to, seats } of seatMoves(bucketsOf(before), bucketsOf(after))) {
    const fromL1 = from?.l1 ?? null;
    const toL1 = to?.l1 ?? null;
    const key = `${fromL1 ?? ""}\u0000${toL1 ?? ""}`;
    const found = summed.get(key);
    if (found) found.seats += seats;
    else summed.set(key, { fromL1, toL1, seats });
  }
  return [...summed.values()];
}
