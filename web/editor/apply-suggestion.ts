import type { FieldState } from "../../src/domain/rules/field-states.ts";
import { type EditorContext, fieldStatesFor, rowFor, type SegmentDraft } from "./editor-state.ts";
import { applyL2, applyRow } from "./row-change.ts";

/**
 * How a Suggest answer lands in the status form: each proposed level is
 * filled only when the playbook offers it in this stage's scenario row, and
 * levels the model abstained on (null) are left as the user set them.
 */

export type SuggestedLevel = "l1" | "l2" | "l3";

export interface SuggestedLabels {
  l1: string | null;
  l2: string | null;
  l3: string | null;
}

export interface AppliedSuggestion {
  segment: SegmentDraft;
  /** Levels now holding the proposed value (changed, or already equal). */
  filled: SuggestedLevel[];
  /** Levels proposed but not offered here (no row for the stage, carried, not in the list). */
  notOffered: SuggestedLevel[];
}

export function applySuggestion(
  context: EditorContext,
  segment: SegmentDraft,
  suggested: SuggestedLabels,
): AppliedSuggestion {
  const { index, stage, previous } = context;
  const filled: SuggestedLevel[] = [];
  const notOffered: SuggestedLevel[] = [];
  const done = (next: SegmentDraft) => ({ segment: next, filled, notOffered });
  if (suggested.l1 === null) return done(segment);

  const l1 = index.l1(suggested.l1);
  if (!l1 || index.scenariosFor(l1.id, stage).length === 0) {
    notOffered.push(
      "l1",
      ...(suggested.l2 ? (["l2"] as const) : []),
      ...(suggested.l3 ? (["l3"] as const) : []),
    );
    return done(segment);
  }
  let next = segment;
  if (next.l1 !== l1.id) {
    // The same move as choosing the L1 by hand; the note the suggestion was read from is the user's.
    const typed = [...new Set([...(next.typed ?? []), "note" as const])];
    const moved = { ...next, l1: l1.id, scenarioId: "", typed };
    const row = rowFor(index, moved, stage, previous);
    next = applyRow(context, moved, rowFor(index, next, stage, previous), row);
  }
  filled.push("l1");

  if (suggested.l2 !== null) {
    if (offers(fieldStatesFor(context, next)?.fields.l2, suggested.l2)) {
      if (next.l2 !== suggested.l2) next = applyL2(context, next, suggested.l2);
      filled.push("l2");
    } else notOffered.push("l2");
  }
  if (suggested.l3 !== null) {
    const l2Fits = suggested.l2 !== null && filled.includes("l2");
    if (l2Fits && offers(fieldStatesFor(context, next)?.fields.l3, suggested.l3)) {
      next = { ...next, l3: suggested.l3 };
      filled.push("l3");
    } else notOffered.push("l3");
  }
  return done(next);
}

/** Whether a list field can be set by hand to this value. */
function offers(state: FieldState | undefined, value: string): boolean {
  if (!state || state.state === "disabled" || state.state === "carried") return false;
  return (state.options ?? []).some((option) => option.id === value);
}
