import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { ScenarioField, ScenarioRow } from "../../src/domain/playbook/playbook-schema.ts";
import { describeFields, type FieldState } from "../../src/domain/rules/field-states.ts";
import { fieldDefault, scenarioFields, stageName } from "../../src/domain/rules/scenario-fields.ts";
import { i18n } from "../i18n/i18n.ts";
import {
  type ClearedValue,
  type EditorContext,
  fieldStatesFor,
  rowFor,
  type SegmentDraft,
} from "./editor-state.ts";

/**
 * How a segment's values follow a change of L1, scenario row, stage or L2,
 * without losing what the user typed:
 * - a value the user set in this edit stays wherever the new row has the field;
 * - a value that was only the old row's default gives way to the new default;
 * - a value the saved status had under another L1 starts again (a new L1 is a
 *   new status), except the engagement scenario, which describes the engagement;
 * - a field the new row does not use, carries, or whose list lacks the value is
 *   emptied.
 * Every value emptied is kept as a notice beside its field (`cleared`) with
 * Undo, and comes back by itself when the user returns to a row that takes it.
 */

const listFields = new Set<ScenarioField>(["l2", "l3", "serviceStatus", "engagementScenario"]);

/** Whether a field in this state takes the value: the field is in use and, for lists, offers it. */
export function accepts(field: ScenarioField, state: FieldState, value: string): boolean {
  if (state.state === "disabled" || state.state === "carried") return false;
  if (!listFields.has(field)) return true;
  return (state.options ?? []).some((option) => option.id === value);
}

function describe(context: EditorContext, row: ScenarioRow, l2: string) {
  return describeFields(context.index, row, context.previous, context.serviceId, l2 || null);
}

/** Why a field of `row` cannot hold a value, as the words after "cleared:". */
function refusal(index: PlaybookIndex, row: ScenarioRow, state: FieldState, newL1: boolean): string {
  const l1Name = index.l1(row.l1)?.name ?? row.l1;
  const where = newL1
    ? l1Name
    : i18n.t("editor.cleared.inStage", { l1: l1Name, stage: stageName(row.stage, index.text) });
  if (state.state === "disabled") return i18n.t("editor.cleared.notUsed", { where });
  if (state.state === "carried") return i18n.t("editor.cleared.carried");
  return i18n.t("editor.cleared.notAChoice", { where });
}

/** Moves a segment onto another scenario row (a new L1, stage or row choice). */
export function applyRow(
  context: EditorContext,
  segment: SegmentDraft,
  previousRow: ScenarioRow | undefined,
  nextRow: ScenarioRow | undefined,
): SegmentDraft {
  const next: SegmentDraft = { ...segment, scenarioId: nextRow?.id ?? "" };
  if (!nextRow) return next;
  const { index } = context;
  const newL1 = !previousRow || previousRow.l1 !== nextRow.l1;
  const typed = new Set(segment.typed ?? []);
  const cleared: Partial<Record<ScenarioField, ClearedValue>> = { ...segment.cleared };
  const fromL1 = previousRow ? (index.l1(previousRow.l1)?.name ?? previousRow.l1) : "";
  const notCarried = i18n.t("editor.cleared.fromSaved", {
    from: fromL1,
    to: index.l1(nextRow.l1)?.name ?? nextRow.l1,
  });

  const clear = (field: ScenarioField, reason: string) => {
    cleared[field] = {
      value: segment[field],
      reason,
      typed: typed.has(field),
      l1: previousRow?.l1 ?? "",
      scenarioId: previousRow?.id ?? "",
    };
    typed.delete(field);
    next[field] = "";
  };
  /** An empty field: a value cleared earlier that this row takes comes back, else the row's default. */
  const fill = (field: ScenarioField, state: FieldState) => {
    const earlier = cleared[field];
    if (earlier && accepts(field, state, earlier.value) && (earlier.typed || earlier.l1 === nextRow.l1)) {
      next[field] = earlier.value;
      if (earlier.typed) typed.add(field);
      delete cleared[field];
      return;
    }
    next[field] = state.default ?? "";
  };
  const settle = (field: ScenarioField, state: FieldState) => {
    const value = segment[field];
    const oldDefault = previousRow ? fieldDefault(index, previousRow, field, segment.l2 || null) : null;
    if (value === "" || value === oldDefault) {
      next[field] = "";
      // A cleared value the row still does not take gets this row's reason.
      const earlier = cleared[field];
      if (earlier && !accepts(field, state, earlier.value)) {
        cleared[field] = { ...earlier, reason: refusal(index, nextRow, state, newL1) };
      }
    } else if (!accepts(field, state, value)) clear(field, refusal(index, nextRow, state, newL1));
    else if (newL1 && !typed.has(field) && field !== "engagementScenario") clear(field, notCarried);
    else return; // kept as it is
    if (state.state !== "disabled" && state.state !== "carried") fill(field, state);
  };

  // The L2 decides the L3's choices and a next action that follows the L2, so it goes first.
  settle("l2", describe(context, nextRow, segment.l2).l2);
  const states = describe(context, nextRow, next.l2);
  for (const field of scenarioFields) if (field !== "l2") settle(field, states[field]);
  return { ...next, typed: [...typed], cleared };
}

/**
 * A new L2: the old L2's L3 no longer applies unless the new L2 offers it too,
 * and a next action that only followed the old L2 follows the new one.
 */
export function applyL2(context: EditorContext, segment: SegmentDraft, l2: string): SegmentDraft {
  const row = rowFor(context.index, segment, context.stage, context.previous);
  const next: SegmentDraft = { ...segment, l2 };
  if (!row) return { ...next, l3: "" };
  const states = describe(context, row, l2);
  const cleared = { ...segment.cleared };
  const earlier = cleared.l3;
  if (segment.l3 && !accepts("l3", states.l3, segment.l3)) {
    const l2Name = l2 ? (context.index.l2(segment.l1, l2)?.name ?? l2) : undefined;
    cleared.l3 = {
      value: segment.l3,
      reason: l2Name ? i18n.t("editor.cleared.notAnL3Of", { l2: l2Name }) : i18n.t("editor.cleared.needsL2"),
      typed: segment.typed?.includes("l3") ?? false,
      l1: segment.l1,
      scenarioId: row.id,
    };
    next.l3 = "";
  } else if (!segment.l3 && earlier && accepts("l3", states.l3, earlier.value)) {
    next.l3 = earlier.value;
    delete cleared.l3;
  }
  const oldDefault = fieldDefault(context.index, row, "nextAction", segment.l2 || null);
  if (segment.nextAction === "" || (oldDefault !== null && segment.nextAction === oldDefault)) {
    next.nextAction = fieldDefault(context.index, row, "nextAction", l2 || null) ?? "";
  }
  return { ...next, cleared };
}

/** The user sets a field: it counts as typed, and its cleared notice has done its work. */
export function setField(
  context: EditorContext,
  segment: SegmentDraft,
  field: ScenarioField,
  value: string,
): SegmentDraft {
  const changed = field === "l2" ? applyL2(context, segment, value) : { ...segment, [field]: value };
  const cleared = { ...changed.cleared };
  delete cleared[field];
  const typed = new Set(changed.typed ?? []);
  typed.add(field);
  return { ...changed, typed: [...typed], cleared };
}

/** How Undo brings a cleared value back, if it can: into the field, or by going back to its row. */
export function undoKind(
  context: EditorContext,
  segment: SegmentDraft,
  field: ScenarioField,
): "field" | "row" | null {
  const notice = segment.cleared?.[field];
  if (!notice) return null;
  const described = fieldStatesFor(context, segment);
  if (described && accepts(field, described.fields[field], notice.value)) return "field";
  const back = context.index.scenario(notice.scenarioId);
  return back && back.stage === context.stage && back.id !== described?.row.id ? "row" : null;
}

/**
 * Undo of a cleared value: put back into its field when the row takes it,
 * else the segment goes back to the L1 and row it had, which brings back
 * every value that change cleared.
 */
export function undoClear(context: EditorContext, segment: SegmentDraft, field: ScenarioField): SegmentDraft {
  const kind = undoKind(context, segment, field);
  const notice = segment.cleared?.[field];
  if (!kind || !notice) return segment;
  if (kind === "field") return setField(context, segment, field, notice.value);
  const current = rowFor(context.index, segment, context.stage, context.previous);
  const back = context.index.scenario(notice.scenarioId);
  return applyRow(context, { ...segment, l1: notice.l1 }, current, back);
}
