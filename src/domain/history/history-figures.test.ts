import { describe, expect, it } from "vitest";
import { type BlockedPiece, blockedDwell, cohortSurvival, daysBetween } from "./blocked-dwell.ts";
import { stillBlockedAfter } from "./survival.ts";
import { weightedPercentile } from "./weighted-percentile.ts";

describe(weightedPercentile.name, () => {
  it("gives the smallest duration at which the seats reach the share", () => {
    const items = [
      { value: 40, weight: 40 },
      { value: 10, weight: 30 },
      { value: 20, weight: 30 },
    ];
    // Sorted: 10 (30 seats), 20 (60), 40 (100): half the seats are reached at 20, 90% at 40.
    expect(weightedPercentile(items, 0.5)).toBe(20);
    expect(weightedPercentile(items, 0.9)).toBe(40);
    expect(weightedPercentile(items, 0.3)).toBe(10);
  });

  it("takes the lower value on an even split and has no answer without seats", () => {
    expect(
      weightedPercentile(
        [
          { value: 5, weight: 50 },
          { value: 9, weight: 50 },
        ],
        0.5,
      ),
    ).toBe(5);
    expect(weightedPercentile([], 0.5)).toBeNull();
    expect(weightedPercentile([{ value: 3, weight: 0 }], 0.5)).toBeNull();
  });
});

describe(stillBlockedAfter.name, () => {
  it("is the seat-weighted Kaplan-Meier estimate, censored seats at risk until last seen", () => {
    const items = [
      { days: 10, seats: 100, ended: true },
      { days: 50, seats: 100, ended: false },
      { days: 60, seats: 200, ended: true },
      { days: 200, seats: 100, ended: true },
    ];
    // Day 10: 100 of 500 leave (0.8). Day 60: 200 of the 300 still followed leave (0.8 x 1/3).
    // Day 200: the last 100 leave. Nothing was followed past day 200.
    const [d30, d90, d180, d200, d250] = stillBlockedAfter(items, [30, 90, 180, 200, 250]);
    expect(d30).toBeCloseTo(0.8);
    expect(d90).toBeCloseTo(0.8 / 3);
    expect(d180).toBeCloseTo(0.8 / 3);
    expect(d200).toBe(0);
    expect(d250).toBeNull();
    expect(stillBlockedAfter([], [30])).toEqual([null]);
  });
});

describe(blockedDwell.name, () => {
  const window = { from: "2025-02-01", to: "2025-03-31" };
  const pieces: BlockedPiece[] = [
    { tenantId: "t1", since: "2025-01-01", endedOn: null, seats: 100 },
    { tenantId: "t2", since: "2025-02-10", endedOn: "2025-03-02", seats: 50 },
    { tenantId: "t2", since: "2025-02-20", endedOn: "2025-02-25", seats: 20 },
    { tenantId: "t3", since: "2025-03-01", endedOn: null, seats: 30 },
    { tenantId: "t4", since: "2024-12-01", endedOn: "2025-01-15", seats: 70 },
    { tenantId: "t5", since: "2025-01-20", endedOn: "2025-03-21", seats: 30 },
  ];

  it("counts days on the UTC calendar", () => {
    expect(daysBetween("2025-01-01", "2025-03-31")).toBe(89);
    expect(daysBetween("2025-02-10T23:59:00.000Z", "2025-03-02")).toBe(20);
  });

  it("gives days Blocked, time to unblock and the cohort's survival, worked out by hand", () => {
    const figures = blockedDwell(pieces, window);
    // Blocked at the end: t1 100 seats for 89 days, t3 30 seats for 30 days.
    expect(figures.blockedSeats).toBe(130);
    expect(figures.daysBlocked).toEqual({ median: 89, p90: 89 });
    // Unblocked in the window: 20 seats after 5 days, 50 after 20, 30 after 60 (t4 left before it).
    expect(figures.unblockedSeats).toBe(100);
    expect(figures.daysToUnblock).toEqual({ median: 20, p90: 60 });
    // Cohort (Blocked within the window): 20 leave on day 5 of 100 (0.8), 50 on day 20 of the 80 still
    // followed (0.8 x 30/80 = 0.3); t3's 30 seats were followed 30 days, so nothing is known past that.
    expect(figures.startedSeats).toBe(100);
    expect(figures.stillBlocked.after30).toBeCloseTo(0.3);
    expect(figures.stillBlocked.after90).toBeNull();
    expect(figures.tenants).toBe(4);
    expect(cohortSurvival(pieces, window, [0, 5, 30])).toEqual([
      { days: 0, share: 1 },
      { days: 5, share: expect.closeTo(0.8) },
      { days: 30, share: expect.closeTo(0.3) },
    ]);
  });
});
