import { describe, expect, it } from "vitest";
import { defaultIndex } from "../../../test/support/default-playbook.ts";
import { lintNote } from "../../domain/notes/lint-note.ts";
import { generatePortfolio } from "./generate-portfolio.ts";

describe("demo portfolio notes", () => {
  it("never gives a Blocked or No Intent status a poor note, in the current status or its history", () => {
    const index = defaultIndex();
    const graded = { blocked: 0, no_intent: 0 };
    const poor: string[] = [];
    for (const batch of generatePortfolio({
      index,
      tenants: 50,
      seed: 11,
      today: "2025-03-10",
      usersByRole: new Map(),
    })) {
      const segments = [...batch.segments, ...batch.history.flatMap((row) => row.after.segments)];
      for (const segment of segments) {
        if (segment.l1 !== "blocked" && segment.l1 !== "no_intent") continue;
        graded[segment.l1] += 1;
        const lint = lintNote(segment.note, { l1: segment.l1, l2: segment.l2 });
        if (lint.grade === "poor") poor.push(`${segment.l1}: ${segment.note}`);
      }
    }
    // Enough statuses that every template, marginal ones included, comes up.
    expect(graded.blocked).toBeGreaterThan(300);
    expect(graded.no_intent).toBeGreaterThan(100);
    expect(poor).toEqual([]);
  });
});
