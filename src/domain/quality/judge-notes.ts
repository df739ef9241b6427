import { lintNote } from "../notes/lint-note.ts";
import type { Suggester } from "../suggest/create-suggester.ts";
import type { QualityFinding } from "./quality-rules.ts";
import type { QualityRules } from "./quality-rules-schema.ts";

/**
 * Bumped whenever judging changes (here or in the linter), so that kept
 * judgments of the old code are made again.
 */
export const noteJudgeVersion = 1;

/** What the note rules read of a segment. */
export interface NoteSegment {
  position: number;
  l1: string;
  l2: string | null;
  note: string;
}

/**
 * The note rules over one entitlement's segments: a note of the rule's L1s
 * the linter grades poor or marginal (with its first hint), and a recorded
 * L2 Suggest reads otherwise from the note at the rule's confidence or more.
 * Pure but not free (about 0.2 ms a segment), so the queue keeps the result
 * per entitlement version rather than judging on every read.
 */
export function judgeNotes(
  rules: QualityRules,
  segments: readonly NoteSegment[],
  serviceId: string,
  suggester: Suggester,
): QualityFinding[] {
  const found: QualityFinding[] = [];
  for (const segment of segments) {
    const grade = rules.noteGrade;
    if (grade.enabled && grade.l1s.includes(segment.l1)) {
      const lint = lintNote(segment.note, { l1: segment.l1, l2: segment.l2 });
      if ((grade.grades as readonly string[]).includes(lint.grade)) {
        const hint = lint.hints[0];
        found.push({
          rule: "note_grade",
          position: segment.position,
          date: null,
          data: { grade: lint.grade, hint: hint?.code ?? null, advice: hint?.message ?? null },
        });
      }
    }
    const disagree = rules.suggestDisagrees;
    if (disagree.enabled && segment.l2 !== null && segment.note.trim() !== "") {
      const suggestion = suggester.suggest(segment.note, serviceId);
      if (
        suggestion.l2 !== null &&
        suggestion.confidence >= disagree.minConfidence &&
        (suggestion.l1 !== segment.l1 || suggestion.l2 !== segment.l2)
      ) {
        found.push({
          rule: "suggest_disagrees",
          position: segment.position,
          date: null,
          data: { l1: suggestion.l1, l2: suggestion.l2, confidence: suggestion.confidence },
        });
      }
    }
  }
  return found;
}
