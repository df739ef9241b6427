import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { ScenarioField, ScenarioRow, Stage } from "../../src/domain/playbook/playbook-schema.ts";
import { describeFields, type FieldState } from "../../src/domain/rules/field-states.ts";
import { scenarioFields } from "../../src/domain/rules/scenario-fields.ts";
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
  /** Fields the user set in this edit: a change of L1 or row keeps them where the new row has them. */
  typed?: ScenarioField[];
  /** Values a change of L1, row or L2 emptied, shown beside their field with Undo (row-change.ts). */
  cleared?: Partial<Record<ScenarioField, ClearedValue>>;
}

/** A value a change emptied: what it was, why, and where it came from (so Undo can go back). */
export interface ClearedValue {
  value: string;
  /** Completes "cleared:", e.g. "not used for No Intent". */
  reason: string;
  /** The user set it in this edit; otherwise it came from the saved status. */
  typed: boolean;
  /** The L1 and scenario row the segment had when the value was cleared. */
  l1: string;
  scenarioId: string;
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
