import type { ScenarioField, ScenarioRow } from "../../src/domain/playbook/playbook-schema.ts";
import type { FieldState } from "../../src/domain/rules/field-states.ts";
import { type EditorContext, fieldStatesFor, rowFor, type SegmentDraft } from "./editor-state.ts";
import { applyRow, setField, undoClear, undoKind } from "./row-change.ts";

/**
 * One segment's form state: its scenario row, the rows it may choose, the
 * state of each field, and the changes that keep the fields consistent with
 * the row (row-change.ts: what the user typed stays, what must go is said).
 * `carryNote`: see SegmentFormProps.
 */
export function useSegmentForm(
  context: EditorContext,
  segment: SegmentDraft,
  onChange: (next: SegmentDraft) => void,
  carryNote: string | undefined,
) {
  const { index, stage, previous } = context;
  const described = fieldStatesFor(context, segment);
  const row = described?.row;
  const fields = described && carryNote ? withCarryNote(described.row, described.fields) : described?.fields;
  return {
    row,
    fields,
    rows: segment.l1 ? index.scenariosFor(segment.l1, stage) : [],
    setField: (field: ScenarioField, value: string) => onChange(setField(context, segment, field, value)),
    setL1: (l1: string) => {
      const moved = { ...segment, l1, scenarioId: "" };
      onChange(applyRow(context, moved, row, rowFor(index, moved, stage, previous)));
    },
    setRow: (scenarioId: string) => onChange(applyRow(context, segment, row, index.scenario(scenarioId))),
    /** Whether Undo can bring back the value a change cleared from this field. */
    canUndo: (field: ScenarioField) => undoKind(context, segment, field) !== null,
    undo: (field: ScenarioField) => onChange(undoClear(context, segment, field)),
    /** What a carried field shows in place of a value. */
    carriedText: (field: ScenarioField): string =>
      carryNote && row?.fields[field].rule === "carry"
        ? carryNote
        : carriedName(context, segment, field, fields?.[field].carriedValue ?? null),
  };
}

function withCarryNote(
  row: ScenarioRow,
  fields: Record<ScenarioField, FieldState>,
): Record<ScenarioField, FieldState> {
  const copy = { ...fields };
  for (const field of Object.keys(copy) as ScenarioField[]) {
    if (row.fields[field].rule === "carry")
      copy[field] = { ...copy[field], state: "carried", carriedValue: null };
  }
  return copy;
}

/** A carried id shown by its name. */
function carriedName(
  context: EditorContext,
  segment: SegmentDraft,
  field: ScenarioField,
  value: string | null,
): string {
  if (value === null) return "(empty)";
  const { index } = context;
  if (field === "l2") return index.l2(segment.l1, value)?.name ?? value;
  if (field === "l3") return (segment.l2 && index.l3(segment.l1, segment.l2, value)?.name) || value;
  if (field === "serviceStatus")
    return index.playbook.serviceStatuses.find((s) => s.id === value)?.name ?? value;
  if (field === "engagementScenario") {
    return index.playbook.engagementScenarios.find((s) => s.id === value)?.name ?? value;
  }
  return value;
}

export type SegmentFormState = ReturnType<typeof useSegmentForm>;
