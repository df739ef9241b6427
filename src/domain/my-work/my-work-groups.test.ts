import { describe, expect, it } from "vitest";
import { daysBetween, isoWeekEnd, myWorkReason } from "./my-work-groups.ts";

describe("the ISO week My work calls this week", () => {
  it("ends on the Sunday of the date's week, the Sunday itself included", () => {
    expect(isoWeekEnd("2025-03-10")).toBe("2025-03-16"); // Monday
    expect(isoWeekEnd("2025-03-15")).toBe("2025-03-16"); // Saturday
    expect(isoWeekEnd("2025-03-16")).toBe("2025-03-16"); // Sunday: only today is left
    expect(isoWeekEnd("2025-12-31")).toBe("2026-01-04"); // across the year
    expect(isoWeekEnd("2028-02-28")).toBe("2028-03-05"); // across a leap day
  });

  it("counts whole days between calendar dates", () => {
    expect(daysBetween("2025-03-05", "2025-03-12")).toBe(7);
    expect(daysBetween("2025-03-12", "2025-03-12")).toBe(0);
    expect(daysBetween("2025-03-30", "2025-03-31")).toBe(1); // a daylight-saving night elsewhere
  });
});

describe("the reason an item is in its group", () => {
  const today = "2025-03-12";
  it("names the date and how far it is from today", () => {
    expect(myWorkReason("overdue", "2025-03-11", today)).toBe("Next action was due 11 Mar 2025, 1 day ago.");
    expect(myWorkReason("due_this_week", "2025-03-13", today)).toBe(
      "Next action is due 13 Mar 2025, in 1 day.",
    );
    expect(myWorkReason("blocked_past_target", "2025-02-12", today)).toBe(
      "Blocked; the target date 12 Feb 2025 passed 28 days ago.",
    );
    expect(myWorkReason("rest", null, today)).toBe("Nothing due: no next action date.");
  });

  it("says it in German, with the date as Germans write it", () => {
    expect(myWorkReason("overdue", "2025-03-11", today, "de")).toBe(
      "Der nächste Schritt war am 11. März 2025 fällig, vor 1 Tag.",
    );
    expect(myWorkReason("blocked_past_target", "2025-02-12", today, "de")).toBe(
      "Blockiert; das Zieldatum 12. Feb. 2025 ist seit 28 Tagen überschritten.",
    );
  });
});
