import { defaultNoteGrader } from "../domain/notes/default-note-grader.ts";
import { lintNote, type NoteGrade } from "../domain/notes/lint-note.ts";
import type { NoteGrader } from "../domain/notes/note-grader.ts";
import type { RankedLabel, Suggester, Suggestion } from "../domain/suggest/create-suggester.ts";
import type { CorpusNote } from "./corpus-note.ts";
import {
  accuracy,
  type ClassScore,
  confusionMatrix,
  expectedCalibrationError,
  macroF1,
} from "./suggest-metrics.ts";

/**
 * The figures `npm run eval:suggest` prints, computed from a suggester's answers on
 * labelled notes. Two views of every level:
 * - "top": the most likely label, as if the suggester never abstained; accuracy and
 *   macro-F1 measure how well it ranks.
 * - "answered": only the labels it actually proposes (above its thresholds);
 *   coverage is the share it answers, and answered accuracy how often those are right.
 */

export interface EvaluatedNote {
  note: CorpusNote;
  suggestion: Suggestion;
  /** Most likely L2 class (L1 and L2), with its probability. */
  top: RankedLabel;
  /** Most likely L1 and its probability. */
  topL1: { l1: string; probability: number };
  /** The linter's grade of the note (with the grader the evaluation was given). */
  grade: NoteGrade;
}

export interface LevelFigures {
  notes: number;
  accuracy: number;
  macroF1: number;
  /** Share of notes for which a label is proposed. */
  coverage: number;
  /** Accuracy among proposed labels. */
  answeredAccuracy: number;
  /** Expected calibration error of the top label's probability. */
  ece: number;
}

export interface EvaluationReport {
  notes: number;
  l1: LevelFigures;
  l2: LevelFigures;
  blocked: {
    notes: number;
    accuracy: number;
    macroF1: number;
    classes: ClassScore[];
    confusion: { rows: string[]; columns: string[]; counts: number[][] };
  };
  l3: { notes: number; accuracy: number; macroF1: number; coverage: number; answeredPrecision: number };
  linter: { notes: number; agreement: number; grades: NoteGrade[]; confusion: number[][] };
}

/** Label used when the most likely L1 of a Blocked note is not Blocked. */
export const NOT_BLOCKED = "(other L1)";
const NO_L3 = "(none)";

/** Suggestions and grades of `notes`; pass the grader trained without them when they were trained on. */
export function evaluateNotes(
  suggester: Suggester,
  notes: CorpusNote[],
  grader: NoteGrader = defaultNoteGrader,
): EvaluatedNote[] {
  return notes.map((note) => {
    const ranked = suggester.rank(note.note, note.workload);
    const byL1 = new Map<string, number>();
    for (const label of ranked) byL1.set(label.l1, (byL1.get(label.l1) ?? 0) + label.probability);
    const [l1, probability] = [...byL1.entries()].reduce((best, entry) =>
      entry[1] > best[1] ? entry : best,
    );
    return {
      note,
      suggestion: suggester.suggest(note.note, note.workload),
      top: ranked[0]!,
      topL1: { l1, probability },
      grade: lintNote(note.note, { l1: note.l1, l2: note.l2 }, grader).grade,
    };
  });
}

/**
 * @param blockedL2s the Blocked L2 ids (rows of the confusion matrix)
 * @param l3Classes "l1/l2/l3" keys of the L3s the model can propose; L3 figures cover the notes of their L2s
 *   (accuracy counts "no L3" as a label; macro-F1 averages over these L3s only)
 */
export function summarize(
  evaluated: EvaluatedNote[],
  blockedL2s: string[],
  l3Classes: Set<string>,
): EvaluationReport {
  const l1 = levelFigures(
    evaluated,
    (item) => item.note.l1,
    (item) => item.topL1.l1,
    (item) => item.suggestion.l1,
    (item) => item.topL1.probability,
  );

  const withL2 = evaluated.filter((item) => item.note.l2 !== null || item.note.l1 === "duplicate_invalid");
  const key = (l1Id: string | null, l2Id: string | null) => `${l1Id}/${l2Id ?? "-"}`;
  const l2 = levelFigures(
    withL2,
    (item) => key(item.note.l1, item.note.l2),
    (item) => key(item.top.l1, item.top.l2),
    (item) =>
      item.suggestion.l1 === null
        ? null
        : item.suggestion.l2 !== null || item.suggestion.l1 === "duplicate_invalid"
          ? key(item.suggestion.l1, item.suggestion.l2)
          : null,
    (item) => item.top.probability,
  );

  const blockedNotes = evaluated.filter((item) => item.note.l1 === "blocked" && item.note.l2 !== null);
  const blockedGold = blockedNotes.map((item) => item.note.l2!);
  const blockedPredicted = blockedNotes.map((item) =>
    item.top.l1 === "blocked" ? item.top.l2! : NOT_BLOCKED,
  );
  const blockedScores = macroF1(blockedGold, blockedPredicted, blockedL2s);

  const l3L2s = new Set([...l3Classes].map((key) => key.split("/").slice(0, 2).join("/")));
  const l3Notes = evaluated.filter(
    (item) => item.note.l2 !== null && l3L2s.has(`${item.note.l1}/${item.note.l2}`),
  );
  const l3Key = (l1Id: string | null, l2Id: string | null, l3Id: string | null) =>
    l3Id === null ? NO_L3 : `${l1Id}/${l2Id}/${l3Id}`;
  const l3Gold = l3Notes.map((item) => l3Key(item.note.l1, item.note.l2, item.note.l3));
  const l3Predicted = l3Notes.map((item) =>
    l3Key(item.suggestion.l1, item.suggestion.l2, item.suggestion.l3),
  );
  const l3Answered = l3Notes.filter((item) => item.suggestion.l3 !== null);

  const grades: NoteGrade[] = ["great", "marginal", "poor"];
  const linted = evaluated.map((item) => item.grade);
  const qualities = evaluated.map((item) => item.note.quality);

  return {
    notes: evaluated.length,
    l1,
    l2,
    blocked: {
      notes: blockedNotes.length,
      accuracy: accuracy(blockedGold, blockedPredicted),
      macroF1: blockedScores.macroF1,
      classes: blockedScores.classes,
      confusion: {
        rows: blockedL2s,
        columns: [...blockedL2s, NOT_BLOCKED],
        counts: confusionMatrix(blockedGold, blockedPredicted, blockedL2s, [...blockedL2s, NOT_BLOCKED]),
      },
    },
    l3: {
      notes: l3Notes.length,
      accuracy: accuracy(l3Gold, l3Predicted),
      macroF1: macroF1(l3Gold, l3Predicted, [...l3Classes].sort()).macroF1,
      coverage: l3Notes.length === 0 ? 0 : l3Answered.length / l3Notes.length,
      answeredPrecision:
        l3Answered.length === 0
          ? 0
          : l3Answered.filter((item) => item.suggestion.l3 === item.note.l3).length / l3Answered.length,
    },
    linter: {
      notes: evaluated.length,
      agreement: accuracy(qualities, linted),
      grades,
      confusion: confusionMatrix(qualities, linted, grades, grades),
    },
  };
}

function levelFigures(
  items: EvaluatedNote[],
  gold: (item: EvaluatedNote) => string,
  top: (item: EvaluatedNote) => string,
  answered: (item: EvaluatedNote) => string | null,
  confidence: (item: EvaluatedNote) => number,
): LevelFigures {
  const goldLabels = items.map(gold);
  const topLabels = items.map(top);
  const answers = items.map(answered);
  const given = answers.flatMap((answer, i) => (answer === null ? [] : [{ answer, gold: goldLabels[i]! }]));
  return {
    notes: items.length,
    accuracy: accuracy(goldLabels, topLabels),
    macroF1: macroF1(goldLabels, topLabels).macroF1,
    coverage: items.length === 0 ? 0 : given.length / items.length,
    answeredAccuracy:
      given.length === 0 ? 0 : given.filter((item) => item.answer === item.gold).length / given.length,
    ece: expectedCalibrationError(
      items.map((item, i) => ({ confidence: confidence(item), correct: topLabels[i] === goldLabels[i] })),
    ),
  };
}
