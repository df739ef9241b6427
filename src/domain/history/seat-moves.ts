import type { IsoDate } from "../status-segment.ts";

/** The part of a segment seat moves look at. */
export interface MovedSegment {
  seats: number;
  l1: string;
  l2: string | null;
  targetDate: IsoDate | null;
  owner: string | null;
}

/**
 * An entitlement's seats in one L1 (and, for Blocked, one L2): segments with
 * the same key together, with the owner of the biggest and the earliest
 * target date among them.
 */
export interface SeatBucket {
  l1: string;
  /** The L2 for Blocked seats; null for every other L1 (their L2 is no move between reasons). */
  l2: string | null;
  seats: number;
  owner: string | null;
  targetDate: IsoDate | null;
}

/** Seats that were in `from` and are in `to`; null: no status (new seats, or seats gone). */
export interface SeatMove {
  from: SeatBucket | null;
  to: SeatBucket | null;
  seats: number;
}

const blockedL1 = "blocked";

const keyOf = (bucket: Pick<SeatBucket, "l1" | "l2">) => `${bucket.l1}\u0000${bucket.l2 ?? ""}`;

/** Segments merged into buckets: seats summed, the biggest segment's owner, the earliest target date. */
export function bucketsOf(segments: readonly MovedSegment[]): SeatBucket[] {
  const buckets = new Map<string, SeatBucket & { biggest: number }>();
  for (const segment of segments) {
    if (segment.seats <= 0) continue;
    const l2 = segment.l1 === blockedL1 ? segment.l2 : null;
    const key = keyOf({ l1: segment.l1, l2 });
    const found = buckets.get(key);
    if (!found) {
      buckets.set(key, {
        l1: segment.l1,
        l2,
        seats: segment.seats,
        owner: segment.owner,
        targetDate: segment.targetDate,
        biggest: segment.seats,
      });
      continue;
    }
    found.seats += segment.seats;
    if (segment.seats > found.biggest) {
      found.biggest = segment.seats;
      found.owner = segment.owner;
    }
    if (segment.targetDate && (!found.targetDate || segment.targetDate < found.targetDate)) {
      found.targetDate = segment.targetDate;
    }
  }
  return [...buckets.values()].map(({ biggest: _, ...bucket }) => bucket);
}

/** Biggest first, then by key: the greedy matching below is the same on every run. */
function byRemaining(left: Map<SeatBucket, number>): SeatBucket[] {
  return [...left.entries()]
    .filter(([, seats]) => seats > 0)
    .sort((a, b) => b[1] - a[1] || (keyOf(a[0]) < keyOf(b[0]) ? -1 : 1))
    .map(([bucket]) => bucket);
}

/**
 * Where an entitlement's seats went between two statuses, each seat once:
 * seats that kept their L1 (and Blocked L2) stay first; then seats that left
 * a Blocked reason go to another Blocked reason where one gained seats (a move
 * between L2s), and the rest go, biggest first, to whatever gained seats;
 * seats left over came from or went to no status (a first status, a change in
 * the number of seats). A status with several segments that all move has no
 * single right pairing: this one is deterministic and keeps moves few.
 */
export function seatMoves(before: readonly SeatBucket[], after: readonly SeatBucket[]): SeatMove[] {
  const moves: SeatMove[] = [];
  const outs = new Map(before.map((bucket) => [bucket, bucket.seats]));
  const ins = new Map(after.map((bucket) => [bucket, bucket.seats]));
  const move = (from: SeatBucket | null, to: SeatBucket | null, seats: number) => {
    if (seats <= 0) return;
    moves.push({ from, to, seats });
    if (from) outs.set(from, outs.get(from)! - seats);
    if (to) ins.set(to, ins.get(to)! - seats);
  };
  for (const from of before) {
    const to = after.find((bucket) => keyOf(bucket) === keyOf(from));
    if (to) move(from, to, Math.min(from.seats, to.seats));
  }
  const pair = (sameL1: boolean) => {
    for (const from of byRemaining(outs)) {
      for (const to of byRemaining(ins)) {
        if (sameL1 && to.l1 !== from.l1) continue;
        move(from, to, Math.min(outs.get(from)!, ins.get(to)!));
        if (outs.get(from)! === 0) break;
      }
    }
  };
  pair(true);
  pair(false);
  for (const from of byRemaining(outs)) move(from, null, outs.get(from)!);
  for (const to of byRemaining(ins)) move(null, to, ins.get(to)!);
  return moves;
}
