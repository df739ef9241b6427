import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { ScenarioField, ScenarioRow, Stage } from "../../src/domain/playbook/playbook-schema.ts";
import { describeFields, type FieldState } from "../../src/domain/rules/field-states.ts";
import { fieldDefault, scenarioFields } from "../../src/domain/rules/scenario-fields.ts";
import { resolveScenarioRow } from "../../src/domain/rules/scenario-resolution.ts";
import type { ProposedSegment, StatusSegment } from "../../src/domain/status-segment.ts";
import type { Violation } from "../../src/domain/violation.ts";

/**
 * The status editor's form state and how it becomes what the rules and the API
 * take. Field states (required, disabled, carried, defaults) come from the
 * domain's `describeFields`, the very rules `evaluateStatus` applies on save.
 */

export type SegmentValues = Record<ScenarioField, string>;

export interface SegmentDraft extends SegmentValues {
  /** Stable key for React; segments have no id of their own. */
  key: string;
  /** Kept as text so a half-typed number is not lost; "" means not given. */
  seats: string;
  l1: string;
  scenarioId: string;
  splitReason: string;
}

export interface EditorDraft {
  stage: Stage;
  segments: SegmentDraft[];
}

let keySeed = 0;
const nextKey = () => `segment-${++keySeed}`;

const emptyValues = (): SegmentValues =>
  Object.fromEntries(scenarioFields.map((field) => [field, ""])) as SegmentValues;

export function draftFromSegments(
  stage: Stage,
  availableSeats: number,
  segments: readonly StatusSegment[],
): EditorDraft {
  if (segments.length === 0) {
    return {
      stage,
      segments: [
        {
          key: nextKey(),
          seats: String(availableSeats),
          l1: "",
          scenarioId: "",
          splitReason: "",
          ...emptyValues(),
        },
      ],
    };
  }
  return {
    stage,
    segments: segments.map((segment) => ({
      key: nextKey(),
      seats: String(segment.seats),
      l1: segment.l1,
      scenarioId: segment.scenarioId,
      splitReason: segment.splitReason ?? "",
      ...(Object.fromEntries(scenarioFields.map((field) => [field, segment[field] ?? ""])) as SegmentValues),
    })),
  };
}

/** The scenario row a segment uses: its own if it fits the L1 and stage, else the general row. */
export function rowFor(
  index: PlaybookIndex,
  segment: Pick<SegmentDraft, "l1" | "scenarioId">,
  stage: Stage,
  previous: readonly StatusSegment[],
): ScenarioRow | undefined {
  const l1 = index.l1(segment.l1);
  if (!l1) return undefined;
  const own = segment.scenarioId ? index.scenario(segment.scenarioId) : undefined;
  if (own && own.l1 === l1.id && own.stage === stage) return own;
  // l2Given: true asks for the L1's general row; the "keep the existing
  // classification" row is a deliberate choice in the scenario list.
  const resolved = resolveScenarioRow(index, {
    l1,
    stage,
    scenarioId: null,
    l2Given: true,
    previous,
    path: "segments.0",
  });
  return resolved.ok ? resolved.row : undefined;
}

export interface EditorContext {
  index: PlaybookIndex;
  stage: Stage;
  previous: readonly StatusSegment[];
  serviceId: string;
  /** The entitlement edited: the owner picker asks the server who may own its seats. */
  entitlementId?: string;
}

export function fieldStatesFor(
  context: EditorContext,
  segment: SegmentDraft,
): { row: ScenarioRow; fields: Record<ScenarioField, FieldState> } | null {
  const row = rowFor(context.index, segment, context.stage, context.previous);
  if (!row) return null;
  const fields = describeFields(context.index, row, context.previous, context.serviceId, segment.l2 || null);
  return { row, fields };
}

/**
 * Moves a segment onto another scenario row (a new L1, stage or row choice):
 * fields the row disables are emptied, carried fields are left to the rules,
 * and a value that was only the old row's default gives way to the new default.
 * A new L1 is a new status: its classification, dates, owner, next action and
 * note start again from the row's defaults (the notes guidance asks for a fresh
 * note on an L1 change); only the engagement scenario, which describes the
 * engagement rather than the status, is kept.
 */
export function applyRow(
  context: EditorContext,
  segment: SegmentDraft,
  previousRow: ScenarioRow | undefined,
  nextRow: ScenarioRow | undefined,
): SegmentDraft {
  const next: SegmentDraft = { ...segment, scenarioId: nextRow?.id ?? "" };
  if (!nextRow) return next;
  const newL1 = !previousRow || previousRow.l1 !== nextRow.l1;
  if (newL1) {
    for (const field of scenarioFields) if (field !== "engagementScenario") next[field] = "";
  }
  const states = describeFields(context.index, nextRow, context.previous, context.serviceId, next.l2 || null);
  for (const field of scenarioFields) {
    const state = states[field];
    if (state.state === "disabled" || state.state === "carried") {
      next[field] = "";
      continue;
    }
    const oldDefault = previousRow
      ? fieldDefault(context.index, previousRow, field, segment.l2 || null)
      : null;
    if (next[field] === "" || (oldDefault !== null && next[field] === oldDefault)) {
      next[field] = state.default ?? "";
    }
  }
  return next;
}

/** A new L2: L3s of the old one no longer apply, and a next action derived from the L2 follows it. */
export function applyL2(context: EditorContext, segment: SegmentDraft, l2: string): SegmentDraft {
  const row = rowFor(context.index, segment, context.stage, context.previous);
  const next: SegmentDraft = { ...segment, l2, l3: "" };
  if (!row) return next;
  const oldDefault = fieldDefault(context.index, row, "nextAction", segment.l2 || null);
  const newDefault = fieldDefault(context.index, row, "nextAction", l2 || null);
  if (segment.nextAction === "" || (oldDefault !== null && segment.nextAction === oldDefault)) {
    next.nextAction = newDefault ?? "";
  }
  return next;
}

export function newSegment(seats: number): SegmentDraft {
  return {
    key: nextKey(),
    seats: seats > 0 ? String(seats) : "",
    l1: "",
    scenarioId: "",
    splitReason: "",
    ...emptyValues(),
  };
}

/** What the rules and `PUT /api/entitlements/:id/status` take. Empty text means "not given". */
export function toProposed(draft: EditorDraft): ProposedSegment[] {
  const split = draft.segments.length > 1;
  return draft.segments.map((segment) => {
    const proposed: ProposedSegment = {
      seats: segment.seats.trim() === "" ? Number.NaN : Number(segment.seats),
      l1: segment.l1,
      scenarioId: segment.scenarioId || null,
      splitReason: split ? ((segment.splitReason || null) as ProposedSegment["splitReason"]) : null,
    };
    for (const field of scenarioFields) proposed[field] = segment[field].trim() || null;
    return proposed;
  });
}

/** The body for the API: like toProposed, but a missing seat count travels as 0 so JSON keeps it a number. */
export function toRequestSegments(draft: EditorDraft): ProposedSegment[] {
  return toProposed(draft).map((segment) => ({
    ...segment,
    seats: Number.isFinite(segment.seats) ? segment.seats : 0,
  }));
}

export function seatTotal(draft: EditorDraft): number {
  return draft.segments.reduce((sum, segment) => sum + (Number(segment.seats) || 0), 0);
}

/** Violations by the field path they name ("segments.0.targetDate"), several per path allowed. */
export function byField(violations: readonly Violation[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const found of violations) {
    const list = map.get(found.field) ?? [];
    if (!list.includes(found.message)) list.push(found.message);
    map.set(found.field, list);
  }
  return map;
}
