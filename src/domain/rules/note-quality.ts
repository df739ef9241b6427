import { say } from "../i18n/rule-text.ts";
import { lintNote } from "../notes/lint-note.ts";
import { noteHintIn } from "../notes/note-hint-text.ts";
import type { PlaybookIndex } from "../playbook/playbook-index.ts";
import type { ScenarioRow } from "../playbook/playbook-schema.ts";
import { type Violation, violation } from "../violation.ts";
import { fieldLabel, inSentence, situation } from "./scenario-fields.ts";

/**
 * L1s whose note must carry the why: the playbook asks Blocked for the
 * explanation of the blocking issue and No Intent for the detailed reason,
 * and reports count those seats by that reason.
 */
export const whyRequiredL1s: ReadonlySet<string> = new Set(["blocked", "no_intent"]);

/**
 * Refuses a note the linter grades poor (a bare status, a usage figure,
 * only logistics) where the L1 needs the why. Marginal notes pass: the editor
 * shows their hints, but they say enough to be counted. An empty note is left
 * to the row's required/optional rule.
 */
export function checkNoteQuality(
  index: PlaybookIndex,
  row: ScenarioRow,
  l2: string | null,
  note: string,
  path: string,
): Violation | null {
  if (!whyRequiredL1s.has(row.l1)) return null;
  const lint = lintNote(note, { l1: row.l1, l2 });
  if (lint.grade !== "poor") return null;
  const { text } = index;
  const first = lint.hints[0];
  const hint = first ? noteHintIn(text.language, first) : say(text, "note_hint_default");
  const field = inSentence(fieldLabel(row, "note", text), text);
  return violation(
    path,
    "note_too_poor",
    say(text, "note_too_poor", { ...situation(index, row), field, hint }),
  );
}
