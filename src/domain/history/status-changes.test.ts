import { describe, expect, it } from "vitest";
import { bucketsOf, type MovedSegment, seatMoves } from "./seat-moves.ts";
import { l1Moves, statusChanges } from "./status-changes.ts";

const segment = (l1: string, seats: number, more: Partial<MovedSegment> = {}): MovedSegment => ({
  l1,
  seats,
  l2: null,
  targetDate: null,
  owner: null,
  ...more,
});
const blocked = (l2: string, seats: number, more: Partial<MovedSegment> = {}) =>
  segment("blocked", seats, { l2, ...more });

describe(bucketsOf.name, () => {
  it("merges segments of one L1 (and Blocked reason), keeping the biggest one's owner and the earliest date", () => {
    expect(
      bucketsOf([
        segment("in_progress", 30, { l2: "x", owner: "Ana", targetDate: "2025-05-01" }),
        segment("in_progress", 70, { owner: "Bo", targetDate: "2025-04-01" }),
        blocked("a", 10),
      ]),
    ).toEqual([
      { l1: "in_progress", l2: null, seats: 100, owner: "Bo", targetDate: "2025-04-01" },
      { l1: "blocked", l2: "a", seats: 10, owner: null, targetDate: null },
    ]);
  });
});

describe(seatMoves.name, () => {
  it("keeps seats that stay, then pairs the rest biggest first, then no status", () => {
    const moves = seatMoves(
      bucketsOf([blocked("a", 60), blocked("b", 40)]),
      bucketsOf([blocked("a", 50), segment("in_progress", 30), blocked("c", 30)]),
    );
    expect(
      moves.map((m) => [m.from?.l2 ?? m.from?.l1 ?? null, m.to?.l2 ?? m.to?.l1 ?? null, m.seats]),
    ).toEqual([
      ["a", "a", 50],
      // b's 40 go to the other Blocked reason first (30); then the 10 left of a and of b (a first on a
      // tie) go to In Progress, whose last 10 seats had no status before.
      ["b", "c", 30],
      ["a", "in_progress", 10],
      ["b", "in_progress", 10],
      [null, "in_progress", 10],
    ]);
  });
});

describe(statusChanges.name, () => {
  const kinds = (changes: ReturnType<typeof statusChanges>) =>
    changes.map((c) => [c.kind, c.seats, c.fromL1, c.fromL2, c.toL1, c.toL2]);

  it("names seats newly Blocked from what, and unblocked to what", () => {
    expect(
      kinds(statusChanges([segment("in_progress", 100)], [segment("in_progress", 40), blocked("a", 60)])),
    ).toEqual([["newly_blocked", 60, "in_progress", null, "blocked", "a"]]);
    expect(kinds(statusChanges([blocked("a", 100)], [segment("in_progress", 100)]))).toEqual([
      ["unblocked", 100, "blocked", "a", "in_progress", null],
    ]);
    expect(kinds(statusChanges([], [blocked("a", 20)]))).toEqual([
      ["newly_blocked", 20, null, null, "blocked", "a"],
    ]);
  });

  it("names a move between Blocked reasons and a moved target date, and nothing for an unchanged status", () => {
    expect(kinds(statusChanges([blocked("a", 100)], [blocked("b", 100)]))).toEqual([
      ["moved_l2", 100, "blocked", "a", "blocked", "b"],
    ]);
    const moved = statusChanges(
      [blocked("a", 100, { targetDate: "2025-04-01", owner: "Ana" })],
      [blocked("a", 100, { targetDate: "2025-05-15", owner: "Bo" })],
    );
    expect(moved).toEqual([
      expect.objectContaining({
        kind: "target_moved",
        seats: 100,
        fromTargetDate: "2025-04-01",
        toTargetDate: "2025-05-15",
        owner: "Bo",
      }),
    ]);
    expect(statusChanges([segment("no_intent", 5)], [segment("no_intent", 5)])).toEqual([]);
    // In Progress to No Intent is an L1 move, not one of these changes.
    expect(statusChanges([segment("in_progress", 5)], [segment("no_intent", 5)])).toEqual([]);
  });
});

describe(l1Moves.name, () => {
  it("sums an entitlement's seats per L1 pair, seats that stayed included", () => {
    expect(
      l1Moves([blocked("a", 60), blocked("b", 40)], [blocked("a", 60), segment("in_progress", 40)]),
    ).toEqual([
      { fromL1: "blocked", toL1: "blocked", seats: 60 },
      { fromL1: "blocked", toL1: "in_progress", seats: 40 },
    ]);
    expect(l1Moves([], [segment("status_unknown", 10)])).toEqual([
      { fromL1: null, toL1: "status_unknown", seats: 10 },
    ]);
  });
});
