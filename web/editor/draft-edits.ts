import type { Stage } from "../../src/domain/playbook/playbook-schema.ts";
import {
  applyRow,
  type EditorContext,
  type EditorDraft,
  newSegment,
  rowFor,
  type SegmentDraft,
  seatTotal,
} from "./editor-state.ts";

/**
 * The editor's changes to a whole draft, each with the field paths it touched:
 * a violation on a path is shown once the user has changed it.
 */
export interface DraftEdit {
  draft: EditorDraft;
  paths: string[];
}

/** One segment replaced; a changed seat count also touches the segment list (the seat total). */
export function editSegment(draft: EditorDraft, position: number, next: SegmentDraft): DraftEdit {
  const old = draft.segments[position]!;
  const changed = (Object.keys(next) as Array<keyof SegmentDraft>)
    .filter((key) => next[key] !== old[key])
    .map((key) => `segments.${position}.${key}`);
  const segments = draft.segments.map((segment, at) => (at === position ? next : segment));
  return {
    draft: { ...draft, segments },
    paths: changed.includes(`segments.${position}.seats`) ? [...changed, "segments"] : changed,
  };
}

/** Another stage: each segment whose row belonged to the old stage moves to the new stage's row. */
export function editStage(context: EditorContext, draft: EditorDraft, stage: Stage): DraftEdit {
  const { index, previous } = context;
  const nextContext = { ...context, stage };
  const segments = draft.segments.map((segment) => {
    const oldRow = rowFor(index, segment, draft.stage, previous);
    if (oldRow && oldRow.stage === stage) return segment;
    return applyRow(
      nextContext,
      segment,
      oldRow,
      rowFor(index, { ...segment, scenarioId: "" }, stage, previous),
    );
  });
  return { draft: { stage, segments }, paths: ["stage"] };
}

/** A new segment, offered the seats not yet assigned. */
export function addSegment(draft: EditorDraft, availableSeats: number): DraftEdit {
  const remaining = availableSeats - seatTotal(draft);
  return { draft: { ...draft, segments: [...draft.segments, newSegment(remaining)] }, paths: ["segments"] };
}

export function removeSegment(draft: EditorDraft, position: number): DraftEdit {
  return {
    draft: { ...draft, segments: draft.segments.filter((_, at) => at !== position) },
    paths: ["segments"],
  };
}
