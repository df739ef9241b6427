import { describe, expect, it } from "vitest";
import { defaultPlaybook } from "../../../test/support/default-playbook.ts";
import { assessUsage, daysBefore, shareText, type UsageFacts, type UsageInput } from "./assess-usage.ts";

const today = "2025-12-15";

/** Monthly points ending on 1 November 2025 with these active seats, oldest first. */
function monthly(seats: number[]): UsageFacts {
  const dateOf = (index: number) => {
    const month = 11 - (seats.length - 1 - index);
    return new Date(Date.UTC(2025, month - 1, 1)).toISOString().slice(0, 10);
  };
  const lastActive = seats.findLastIndex((activeSeats) => activeSeats > 0);
  return { date: "2025-11-01", trend: seats, lastActiveDate: lastActive < 0 ? null : dateOf(lastActive) };
}

function input(seats: number[], l1 = "in_progress", availableSeats = 1000): UsageInput {
  return {
    availableSeats,
    segments: [{ l1, seats: availableSeats }],
    usage: seats.length > 0 ? monthly(seats) : null,
    today,
  };
}

const assess = (value: UsageInput) => assessUsage(defaultPlaybook(), value);
const kinds = (value: UsageInput) => assess(value).contradictions.map((c) => c.kind);

describe(assessUsage.name, () => {
  it("reads the newest point, its share and the trend", () => {
    const result = assess(input([10, 20, 250]));
    expect(result).toMatchObject({
      activeSeats: 250,
      date: "2025-11-01",
      sharePercent: 25,
      trend: [10, 20, 250],
    });
  });

  it("puts the phases at the playbook's thresholds: Adoption from 1% to 10%, Operate over 10%", () => {
    const phaseAt = (active: number) => assess(input([active])).phase;
    expect([phaseAt(0), phaseAt(9), phaseAt(10), phaseAt(100), phaseAt(101), phaseAt(1000)]).toEqual([
      null,
      null,
      "adoption",
      "adoption",
      "operate",
      "operate",
    ]);
  });

  it("has no share or phase without points or without available seats", () => {
    expect(assess({ ...input([]), usage: null })).toMatchObject({
      activeSeats: null,
      sharePercent: null,
      phase: null,
    });
    const none = assess(input([5], "blocked", 0));
    expect([none.activeSeats, none.sharePercent, none.phase, none.contradictions]).toEqual([
      5,
      null,
      null,
      [],
    ]);
  });

  it("flags No Intent or Blocked while more than the Operate threshold is active, not at it", () => {
    expect(kinds(input([101], "blocked"))).toEqual(["active_while_halted"]);
    expect(kinds(input([101], "no_intent"))).toEqual(["active_while_halted"]);
    expect(kinds(input([100], "blocked"))).toEqual([]);
    expect(kinds(input([900], "in_progress"))).toEqual([]);
    expect(assess(input([620], "blocked")).contradictions[0]?.message).toBe(
      "62% of the available seats are active, over the Operate threshold of 10%, while 1,000 seats are Blocked.",
    );
  });

  it("does not flag a split whose other segments hold the active seats", () => {
    const split = (active: number): UsageInput => ({
      ...input([active], "blocked"),
      segments: [
        { l1: "in_progress", seats: 800 },
        { l1: "blocked", seats: 200 },
      ],
    });
    expect(kinds(split(800))).toEqual([]);
    expect(kinds(split(801))).toEqual(["active_while_halted"]);
  });

  it("flags In Progress with no active seat in the last 90 days, when there are points", () => {
    // The 90 days before 15 December start after 16 September: the October and November points.
    expect(kinds(input([40, 0, 0, 0]))).toEqual(["idle_in_progress"]);
    expect(kinds(input([0, 0, 0, 1]))).toEqual([]);
    expect(kinds(input([0, 5, 0, 0]))).toEqual(["idle_in_progress"]);
    expect(kinds(input([0, 0, 5, 0]))).toEqual([]);
    const activeOn = (lastActiveDate: string) =>
      kinds({ ...input([0]), usage: { ...monthly([0]), lastActiveDate } });
    expect([activeOn("2025-09-16"), activeOn("2025-09-17")]).toEqual([["idle_in_progress"], []]);
    expect(kinds({ ...input([]), usage: null })).toEqual([]);
    // The newest point is older than 90 days: no point in the window, no flag.
    expect(kinds({ ...input([0, 0]), today: "2026-06-01" })).toEqual([]);
    expect(kinds(input([40, 0, 0, 0], "blocked"))).toEqual([]);
    expect(assess(input([0, 0])).contradictions[0]?.message).toBe(
      "No seat has been active in the last 90 days while the status is In Progress.",
    );
  });

  it("flags Status Unknown while the newest three points strictly increase", () => {
    expect(kinds(input([1, 2, 3], "status_unknown"))).toEqual(["growing_while_unknown"]);
    expect(kinds(input([9, 1, 2, 3], "status_unknown"))).toEqual(["growing_while_unknown"]);
    expect(kinds(input([1, 2, 2], "status_unknown"))).toEqual([]);
    expect(kinds(input([3, 2, 4], "status_unknown"))).toEqual([]);
    expect(kinds(input([2, 3], "status_unknown"))).toEqual([]);
    expect(kinds(input([1, 2, 3], "in_progress"))).toEqual([]);
    expect(assess(input([1, 2, 3], "status_unknown")).contradictions[0]?.message).toBe(
      "Active seats grew over the last 3 usage points (1 → 2 → 3) while the status is Status Unknown.",
    );
  });

  it("flags nothing when the playbook has no usage section, and still reads the share", () => {
    const { usage: _, ...withoutUsage } = defaultPlaybook();
    const result = assessUsage(withoutUsage, input([900], "blocked"));
    expect([result.sharePercent, result.phase, result.contradictions]).toEqual([90, null, []]);
  });
});

describe(shareText.name, () => {
  it("writes one decimal under 10% and whole percents from there", () => {
    expect([shareText(0), shareText(0.349), shareText(9.96), shareText(10), shareText(60.6)]).toEqual([
      "0%",
      "0.3%",
      "10%",
      "10%",
      "61%",
    ]);
  });
});

describe(daysBefore.name, () => {
  it("counts calendar days across months and leap years", () => {
    expect(daysBefore("2024-03-01", 1)).toBe("2024-02-29");
    expect(daysBefore("2025-12-15", 90)).toBe("2025-09-16");
  });
});
