import type { Stage } from "../../src/domain/playbook/playbook-schema.ts";
import { scenarioFields } from "../../src/domain/rules/scenario-fields.ts";
import {
  type EditorContext,
  type EditorDraft,
  newSegment,
  rowFor,
  type SegmentDraft,
  seatTotal,
} from "./editor-state.ts";
import { applyRow } from "./row-change.ts";

/**
 * The editor's changes to a whole draft, each with the field paths it
 * changed: a server's refusal on a path goes once the user changes it.
 */
export interface DraftEdit {
  draft: EditorDraft;
  paths: string[];
}

/** The keys of a segment that the API takes (not the editor's own bookkeeping). */
const valueKeys = ["seats", "l1", "scenarioId", "splitReason", ...scenarioFields] as const;

/** One segment replaced; a changed seat count also touches the segment list (the seat total). */
export function editSegment(draft: EditorDraft, position: number, next: SegmentDraft): DraftEdit {
  const old = draft.segments[position]!;
  const changed = valueKeys
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

/**
 * A segment removed. The one segment left holds all the seats (its seat field
 * is hidden, so it must not keep a part of them) and needs no split reason.
 */
export function removeSegment(draft: EditorDraft, position: number, availableSeats: number): DraftEdit {
  const rest = draft.segments.filter((_, at) => at !== position);
  const segments =
    rest.length === 1 ? [{ ...rest[0]!, seats: String(availableSeats), splitReason: "" }] : rest;
  return { draft: { ...draft, segments }, paths: ["segments"] };
}
