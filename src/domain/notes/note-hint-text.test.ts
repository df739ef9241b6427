import { describe, expect, it } from "vitest";
import { noteHintMessagesDe } from "../i18n/note-hint-messages-de.ts";
import { noteHintMessagesEn } from "../i18n/note-hint-messages-en.ts";
import { lintNote, type NoteContext } from "./lint-note.ts";
import { noteHintIn } from "./note-hint-text.ts";

/** Notes that between them draw most of the linter's hints, with the L1 each is graded for. */
const notes: [string, NoteContext][] = [
  ["", { l1: "blocked" }],
  ["asdf asdf qwerty", { l1: "blocked" }],
  ["Blocked.", { l1: "blocked" }],
  ["Usage is 12% active.", { l1: "no_intent" }],
  ["Meeting scheduled with the customer next week to discuss.", { l1: "blocked" }],
  ["Maybe blocked for now, customer is probably waiting.", { l1: "blocked" }],
  ["Customer declined FastTrack help.", { l1: "no_intent" }],
  ["No response from the customer.", { l1: "status_unknown", l2: "customer_unresponsive" }],
  ["Deploying.", { l1: "in_progress" }],
  ["Duplicate.", { l1: "duplicate_invalid" }],
];

describe(noteHintIn.name, () => {
  it("has a German sentence for every hint the linter gives, and English keeps the linter's own", () => {
    const hints = notes.flatMap(([note, context]) => lintNote(note, context).hints);
    expect(new Set(hints.map((hint) => hint.code)).size).toBeGreaterThan(7);
    for (const hint of hints) {
      expect(Object.keys(noteHintMessagesEn), hint.code).toContain(hint.code);
      expect(noteHintIn("de", hint)).toBe(noteHintMessagesDe[hint.code as keyof typeof noteHintMessagesDe]);
      expect(noteHintIn("en", hint)).toBe(hint.message);
    }
  });

  it("falls back to the linter's sentence for a code the catalogue lacks", () => {
    expect(noteHintIn("de", { code: "new_code", message: "Say more." })).toBe("Say more.");
  });
});
