import { type RuleText, say } from "../i18n/rule-text.ts";
import type { PlaybookIndex } from "../playbook/playbook-index.ts";
import type { ScenarioField, ScenarioRow } from "../playbook/playbook-schema.ts";
import type { StatusSegment } from "../status-segment.ts";
import { maxLengths } from "./check-segment.ts";
import {
  carriedValue,
  effectiveRule,
  fieldDefault,
  fieldName,
  l2NextActionMarker,
  ruleWithoutCarry,
  scenarioFields,
} from "./scenario-fields.ts";

export interface Option {
  id: string;
  name: string;
}

export interface FieldState {
  /** "carried": shown read-only with the previous value; "disabled": the table says N/A. */
  state: "required" | "optional" | "disabled" | "carried";
  /** The field's name, the same in every row, so a label never changes under the user ("Target date"). */
  label: string;
  /** The playbook's own word for the field in this row when it differs ("Projected unblock date"), else null. */
  playbookTerm: string | null;
  /** The value an empty field takes when saved. */
  default: string | null;
  carriedValue: string | null;
  /** Choices for list fields; null for free fields. L3 choices need the L2 (see `l3Options`). */
  options: Option[] | null;
  hint: string | null;
}

/**
 * What the status editor shows for each field of a scenario row, read from the
 * same rules `evaluateStatus` applies, so the form and the server agree.
 * `chosenL2` lets the form show the next action a Delivery Blocked status
 * takes from its L2 as soon as the L2 is picked.
 */
export function describeFields(
  index: PlaybookIndex,
  row: ScenarioRow,
  previous: readonly StatusSegment[],
  serviceId: string,
  chosenL2: string | null = null,
): Record<ScenarioField, FieldState> {
  const described = {} as Record<ScenarioField, FieldState>;
  // The row's stored segment, if any, decides the position a carried value comes from.
  const position = Math.max(
    0,
    previous.findIndex((segment) => segment.scenarioId === row.id),
  );
  for (const field of scenarioFields) {
    described[field] = describeField(index, row, field, { previous, position, serviceId, chosenL2 });
  }
  return described;
}

function describeField(
  index: PlaybookIndex,
  row: ScenarioRow,
  field: ScenarioField,
  context: {
    previous: readonly StatusSegment[];
    position: number;
    serviceId: string;
    chosenL2: string | null;
  },
): FieldState {
  const fieldRule = row.fields[field];
  const { text } = index;
  const label = fieldName(field, text);
  const base: FieldState = {
    state: "optional",
    label,
    playbookTerm: fieldRule.label && fieldRule.label !== label ? fieldRule.label : null,
    default: null,
    carriedValue: null,
    options:
      field === "l3"
        ? context.chosenL2
          ? l3Options(index, row.l1, context.chosenL2, context.serviceId)
          : null
        : optionsFor(index, row, field),
    hint: fieldRule.hint ?? null,
  };
  const rule = effectiveRule(index, row, field);
  if (rule === "forbidden") {
    return { ...base, state: "disabled", options: null, hint: base.hint ?? say(text, "hint_not_used") };
  }
  if (rule === "carry") {
    const kept = carriedValue(context.previous, row.l1, context.position, field);
    if (kept !== undefined) {
      return {
        ...base,
        state: "carried",
        carriedValue: kept,
        hint: base.hint ?? say(text, "hint_carried"),
      };
    }
  }
  const state = rule === "carry" ? ruleWithoutCarry(field) : rule;
  return {
    ...base,
    state,
    default: fieldDefault(index, row, field, context.chosenL2),
    hint: base.hint ?? generatedHint(row, field, text),
  };
}

function optionsFor(index: PlaybookIndex, row: ScenarioRow, field: ScenarioField): Option[] | null {
  const { allowed } = row.fields[field];
  const pick = (list: readonly Option[]) =>
    list
      .filter((item) => allowed.length === 0 || allowed.includes(item.id))
      .map(({ id, name }) => ({ id, name }));
  if (field === "l2") return pick(index.l1(row.l1)?.l2s ?? []);
  if (field === "serviceStatus") return pick(index.playbook.serviceStatuses);
  if (field === "engagementScenario") return pick(index.playbook.engagementScenarios);
  return null;
}

function generatedHint(row: ScenarioRow, field: ScenarioField, text: RuleText): string | null {
  const fieldRule = row.fields[field];
  if (fieldRule.default === l2NextActionMarker) return say(text, "hint_from_l2");
  if (fieldRule.notPast) return say(text, "hint_not_past");
  const limit = maxLengths[field];
  return limit === undefined ? null : say(text, "hint_max_length", { limit });
}

/** The L3 reasons the editor offers for an L2 on a service; empty when the L2 takes none. */
export function l3Options(
  index: PlaybookIndex,
  l1Id: string,
  l2Id: string | null,
  serviceId: string,
): Option[] {
  if (!l2Id || index.l2(l1Id, l2Id)?.l3 !== "optional") return [];
  return index.l3sFor(l1Id, l2Id, serviceId).map(({ id, name }) => ({ id, name }));
}
