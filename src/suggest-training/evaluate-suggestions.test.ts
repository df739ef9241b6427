import { describe, expect, it } from "vitest";
import type { RankedLabel, Suggester, Suggestion } from "../domain/suggest/create-suggester.ts";
import type { CorpusNote } from "./corpus-note.ts";
import { evaluateNotes, NOT_BLOCKED, summarize } from "./evaluate-suggestions.ts";

const note = (id: string, l1: string, l2: string | null, l3: string | null, text: string): CorpusNote => ({
  id,
  note: text,
  workload: null,
  l1,
  l2,
  l3,
  quality: "great",
  split: "heldout",
});

/** Answers from a table keyed by note text. */
function fakeSuggester(
  answers: Record<string, { ranked: RankedLabel[]; suggestion: Suggestion }>,
): Suggester {
  return {
    suggest: (text) => answers[text]!.suggestion,
    rank: (text) => answers[text]!.ranked,
    service: () => null,
  };
}

const answer = (
  l1: string,
  l2: string | null,
  l3: string | null,
  probability: number,
  answered: boolean,
) => ({
  ranked: [
    { l1, l2, probability },
    { l1: "no_intent", l2: "executive_sponsorship", probability: 1 - probability },
  ],
  suggestion: {
    l1: answered ? l1 : null,
    l2: answered ? l2 : null,
    l3: answered ? l3 : null,
    confidence: probability,
    evidence: [],
    alternatives: [],
  },
});

describe(summarize.name, () => {
  const notes = [
    note("a", "blocked", "legal_regulatory", "legal", "law forbids it; blocked until the regulator approves"),
    note("b", "blocked", "partner_engagement", null, "partner silent, blocked until a new partner is signed"),
    note("c", "blocked", "legal_regulatory", null, "blocked: the regulator has not approved the cloud"),
  ];
  const suggester = fakeSuggester({
    [notes[0]!.note]: answer("blocked", "legal_regulatory", "legal", 0.9, true),
    [notes[1]!.note]: answer("in_progress", "migration", null, 0.6, false),
    [notes[2]!.note]: answer("blocked", "legal_regulatory", "legal", 0.8, true),
  });
  const report = summarize(
    evaluateNotes(suggester, notes),
    ["legal_regulatory", "partner_engagement"],
    new Set(["blocked/legal_regulatory/legal"]),
  );

  it("counts a Blocked note whose most likely L1 is another as a miss of its L2", () => {
    expect(report.blocked.confusion.columns).toContain(NOT_BLOCKED);
    expect(report.blocked.confusion.counts).toEqual([
      [2, 0, 0],
      [0, 0, 1],
    ]);
    expect(report.blocked.accuracy).toBeCloseTo(2 / 3);
  });

  it("separates what the suggester ranks first from what it dares to propose", () => {
    expect(report.l1.accuracy).toBeCloseTo(2 / 3);
    expect(report.l1.coverage).toBeCloseTo(2 / 3);
    expect(report.l1.answeredAccuracy).toBe(1);
  });

  it("scores L3 on the notes of L2s that have L3s, counting an unneeded L3 as wrong", () => {
    expect(report.l3.notes).toBe(2);
    expect(report.l3.accuracy).toBe(0.5);
    expect(report.l3.answeredPrecision).toBe(0.5);
  });
});
