import { describe, expect, it } from "vitest";
import type { QualityAnswer } from "../../src/http/schemas/quality.ts";
import { ownerOptions, ruleOptions, summaryOf } from "./use-quality-page.ts";

const answer: QualityAnswer = {
  today: "2025-03-12",
  total: 3,
  limit: 50,
  offset: 0,
  counts: {
    byRule: {
      next_action_passed: 2,
      blocked_target_passed: 0,
      unknown_unchanged: 0,
      note_grade: 1,
      suggest_disagrees: 0,
      resplit_needed: 0,
      usage_contradicts: 0,
      owner_unresolved: 0,
    },
    byOwner: [
      { kind: "person", userId: "u1", role: null, name: "Ana", display: "Ana", count: 2 },
      {
        kind: "team",
        userId: null,
        role: "account_team",
        name: "Account Team",
        display: "Account Team (team)",
        count: 1,
      },
    ],
  },
  rules: [
    { id: "next_action_passed", label: "Next action date passed", enabled: true },
    { id: "note_grade", label: "Note to improve", enabled: true },
    { id: "owner_unresolved", label: "Owner resolves to nobody", enabled: false },
  ],
  notesPending: 0,
  items: [],
};

describe("the Data quality page's state", () => {
  it("offers every switched-on rule with its count", () => {
    expect(ruleOptions(answer).map((option) => option.label)).toEqual([
      "All rules (3)",
      "Next action date passed (2)",
      "Note to improve (1)",
    ]);
  });

  it("offers mine, everyone and the people counted, keeping a person chosen by link", () => {
    expect(ownerOptions(answer.counts.byOwner, "me").map((o) => o.value)).toEqual(["me", "all", "u1"]);
    expect(ownerOptions([], "u9").map((o) => o.value)).toEqual(["me", "all", "u9"]);
  });

  it("says whose items these are, and when notes are still being checked", () => {
    expect(summaryOf(answer, { rule: "", owner: "me", team: "", page: 1 })).toBe(
      "3 items yours. Dates are UTC; today is 12 Mar 2025.",
    );
    expect(summaryOf({ ...answer, notesPending: 1200 }, { rule: "", owner: "all", team: "", page: 1 })).toBe(
      "3 items in your scope. Dates are UTC; today is 12 Mar 2025. Notes of 1,200 statuses are still being checked.",
    );
  });
});
