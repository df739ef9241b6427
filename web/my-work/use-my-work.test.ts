import { describe, expect, it } from "vitest";
import type { MyWork } from "../api/api-types.ts";
import { actionCount, reasonOf, summaryOf } from "./use-my-work.ts";

const work = (counts: MyWork["counts"]): MyWork => ({
  today: "2025-03-12",
  weekEnds: "2025-03-16",
  timeZone: "UTC",
  assignments: 2,
  counts,
  groups: [],
});

describe("My work's headline and badge", () => {
  const some = work({ overdue: 3, due_this_week: 2, blocked_past_target: 1, rest: 6, total: 12 });

  it("badges overdue plus due this week, and nothing before the answer", () => {
    expect(actionCount(some)).toBe(5);
    expect(actionCount(undefined)).toBe(0);
  });

  it("says each group's count, the week's end and the calendar, dates as people read them", () => {
    expect(summaryOf(some)).toBe(
      "3 overdue, 2 due this week (to 16 Mar 2025), 1 Blocked past the target date, of 12 entitlements. Today is 12 Mar 2025 (UTC).",
    );
    expect(summaryOf(work({ overdue: 0, due_this_week: 0, blocked_past_target: 0, rest: 0, total: 0 }))).toBe(
      "Nothing is assigned to you or owned by you.",
    );
  });
});

describe("why an item is in My work", () => {
  it("counts the days to or since its date", () => {
    const today = "2025-03-12";
    expect(reasonOf({ group: "overdue", date: "2025-03-10" }, today)).toBe(
      "Next action was due 10 Mar 2025, 2 days ago.",
    );
    expect(reasonOf({ group: "due_this_week", date: "2025-03-12" }, today)).toBe(
      "Next action is due 12 Mar 2025, today.",
    );
    expect(reasonOf({ group: "due_this_week", date: "2025-03-13" }, today)).toBe(
      "Next action is due 13 Mar 2025, in 1 day.",
    );
    expect(reasonOf({ group: "rest", date: null }, today)).toBe("Nothing due: no next action date.");
  });
});
