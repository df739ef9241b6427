import { formatIsoDate, orList, say } from "../i18n/rule-text.ts";
import type { PlaybookIndex } from "../playbook/playbook-index.ts";
import type { L1, ScenarioField, ScenarioRow, Stage } from "../playbook/playbook-schema.ts";
import type { IsoDate, ProposedSegment, StatusSegment } from "../status-segment.ts";
import { type Violation, violation } from "../violation.ts";
import { cleanText, isCalendarDate } from "./field-values.ts";
import { checkNoteQuality } from "./note-quality.ts";
import {
  carriedValue,
  codeStem,
  effectiveRule,
  fieldDefault,
  fieldLabel,
  inSentence,
  l2NextActionMarker,
  ruleWithoutCarry,
  scenarioFields,
  situation,
} from "./scenario-fields.ts";
import { resolveScenarioRow } from "./scenario-resolution.ts";
import { checkL2, checkL3, checkListValue, type ValueCheck } from "./value-checks.ts";

/** Longest texts the editor accepts; the playbook caps the next action at 500 characters. */
export const maxLengths: Partial<Record<ScenarioField, number>> = { note: 2000, nextAction: 500, owner: 200 };

/** Role that may act through any scenario row: it runs the deployment and repairs data. */
const adminRoleId = "admin";

export interface SegmentContext {
  index: PlaybookIndex;
  serviceId: string;
  stage: Stage;
  actorRole: string;
  previous: readonly StatusSegment[];
  today: IsoDate;
}

export interface SegmentCheck {
  /** The segment as it would be stored, when it could be built. */
  segment: StatusSegment | null;
  violations: Violation[];
  /**
   * Violations that only count when the segment changed: who may record it and
   * dates that must not be past. An unchanged stored segment keeps its old date.
   */
  changeOnly: Violation[];
}

/** Judges one proposed segment against its scenario row; `splitReason` is left to the split check. */
export function checkSegment(
  context: SegmentContext,
  proposed: ProposedSegment,
  position: number,
): SegmentCheck {
  const { index } = context;
  const { text } = index;
  const path = `segments.${position}`;
  const violations: Violation[] = [];
  const changeOnly: Violation[] = [];
  const failed = (found: Violation): SegmentCheck => ({ segment: null, violations: [found], changeOnly });

  const l1Text = cleanText(proposed.l1);
  if (l1Text === null) return failed(violation(`${path}.l1`, "l1_required", say(text, "l1_required")));
  const l1 = index.findL1(l1Text);
  if (!l1) {
    const names = index.playbook.l1s.map((candidate) => candidate.name).join(", ");
    return failed(violation(`${path}.l1`, "l1_unknown", say(text, "l1_unknown", { given: l1Text, names })));
  }

  const resolution = resolveScenarioRow(index, {
    l1,
    stage: context.stage,
    scenarioId: cleanText(proposed.scenarioId),
    l2Given: cleanText(proposed.l2) !== null,
    previous: context.previous,
    path,
  });
  if (!resolution.ok) return failed(resolution.violation);
  const row = resolution.row;

  if (context.actorRole !== adminRoleId && !row.updatedBy.includes(context.actorRole)) {
    changeOnly.push(violation(`${path}.scenarioId`, "role_not_allowed", roleMessage(index, row, l1)));
  }

  const values = {} as Record<ScenarioField, string | null>;
  for (const field of scenarioFields) {
    const outcome = checkField(context, { row, l1, values, proposed, position, field });
    values[field] = outcome.value;
    violations.push(...outcome.violations);
    changeOnly.push(...outcome.changeOnly);
  }

  return { segment: storedSegmentOf(proposed.seats, l1.id, row, values), violations, changeOnly };
}

/**
 * A segment as it is stored, from its scenario row's judged field values; the
 * split check sets `splitReason`. The key order is the history's JSON.
 */
export function storedSegmentOf(
  seats: number,
  l1Id: string,
  row: ScenarioRow,
  values: Record<ScenarioField, string | null>,
): StatusSegment {
  return {
    seats,
    l1: l1Id,
    scenarioId: row.id,
    l2: values.l2,
    l3: values.l3,
    serviceStatus: values.serviceStatus,
    engagementScenario: values.engagementScenario,
    targetDate: values.targetDate,
    owner: values.owner,
    note: values.note ?? "",
    nextActionDate: values.nextActionDate,
    nextAction: values.nextAction,
    splitReason: null,
  };
}

interface FieldInput {
  row: ScenarioRow;
  l1: L1;
  /** Values of the fields already judged (L2 before L3 and the next action). */
  values: Record<ScenarioField, string | null>;
  proposed: ProposedSegment;
  position: number;
  field: ScenarioField;
}

interface FieldOutcome {
  value: string | null;
  violations: Violation[];
  changeOnly: Violation[];
}

function checkField(context: SegmentContext, input: FieldInput): FieldOutcome {
  const { index } = context;
  const { row, l1, field, values } = input;
  const { text } = index;
  const path = `segments.${input.position}.${field}`;
  const stem = codeStem(field);
  const about = { ...situation(index, row), field: inSentence(fieldLabel(row, field, text), text) };
  const outcome: FieldOutcome = { value: null, violations: [], changeOnly: [] };
  const refuse = (code: string, message: string) => outcome.violations.push(violation(path, code, message));
  const given = cleanText(input.proposed[field]);

  let rule = effectiveRule(index, row, field);
  if (rule === "forbidden") {
    if (given !== null) {
      refuse(`${stem}_forbidden`, say(text, "field_forbidden", about));
    }
    return outcome;
  }

  if (rule === "carry") {
    const kept = carriedValue(context.previous, l1.id, input.position, field);
    if (kept !== undefined) {
      outcome.value = kept;
      if (given !== null && judge(context, input, given).value !== kept) {
        const shown =
          kept === null
            ? say(text, "value_empty")
            : say(text, "quoted", { value: displayName(index, l1.id, values.l2, field, kept) });
        refuse(`${stem}_changed`, say(text, "field_changed", { ...about, value: shown }));
      }
      return outcome;
    }
    rule = ruleWithoutCarry(field);
  }

  if (given !== null) {
    const judged = judge(context, input, given);
    outcome.value = judged.value;
    outcome.violations.push(...judged.violations);
    outcome.changeOnly.push(...judged.changeOnly);
    if (judged.violations.length > 0) return outcome;
    if (field === "note") {
      // Like a past date: a stored note judged under older rules does not stop edits to other segments.
      const tooPoor = checkNoteQuality(index, row, values.l2, given, path);
      if (tooPoor) outcome.changeOnly.push(tooPoor);
    }
  } else {
    const fallback = fieldDefault(index, row, field, values.l2);
    if (fallback !== null) outcome.value = judge(context, input, fallback).value;
  }

  if (rule === "required" && outcome.value === null && !waitsForL2(row, field, values.l2)) {
    refuse(`${stem}_required`, say(text, "field_required", about));
  }
  return outcome;
}

/** A next action derived from the L2 cannot exist before the L2 does; the L2 is reported instead. */
function waitsForL2(row: ScenarioRow, field: ScenarioField, l2: string | null): boolean {
  return row.fields[field].default === l2NextActionMarker && l2 === null;
}

/** Validates a non-empty value for a field and returns it in stored form (ids for list fields). */
function judge(context: SegmentContext, input: FieldInput, given: string): ValueCheck {
  const { index } = context;
  const { row, l1, field, values } = input;
  const path = `segments.${input.position}.${field}`;
  const rule = row.fields[field];
  switch (field) {
    case "l2":
      return checkL2(index, l1, given, path);
    case "l3":
      return checkL3(index, { l1, l2: values.l2, serviceId: context.serviceId, given, path });
    case "serviceStatus":
      return checkListValue(index.playbook.serviceStatuses, {
        row,
        rule,
        field,
        given,
        path,
        kind: "service_status",
        text: index.text,
        sourceList: index.source?.playbook.serviceStatuses,
      });
    case "engagementScenario":
      return checkListValue(index.playbook.engagementScenarios, {
        row,
        rule,
        field,
        given,
        path,
        kind: "engagement_scenario",
        text: index.text,
        sourceList: index.source?.playbook.engagementScenarios,
      });
    case "targetDate":
    case "nextActionDate":
      return checkDate(context, row, field, given, path);
    default: {
      const limit = maxLengths[field];
      if (limit !== undefined && given.length > limit) {
        const name = inSentence(fieldLabel(row, field, index.text), index.text);
        const message = say(index.text, "field_too_long", { field: name, count: given.length, limit });
        return {
          value: given,
          violations: [violation(path, `${codeStem(field)}_too_long`, message)],
          changeOnly: [],
        };
      }
      return { value: given, violations: [], changeOnly: [] };
    }
  }
}

function checkDate(
  context: SegmentContext,
  row: ScenarioRow,
  field: ScenarioField,
  given: string,
  path: string,
): ValueCheck {
  const { text } = context.index;
  const name = inSentence(fieldLabel(row, field, text), text);
  if (!isCalendarDate(given)) {
    const message = say(text, "date_invalid", { field: name, given });
    return {
      value: null,
      violations: [violation(path, `${codeStem(field)}_invalid_date`, message)],
      changeOnly: [],
    };
  }
  // ISO dates compare correctly as strings.
  if (row.fields[field].notPast && given < context.today) {
    const past = violation(
      path,
      `${codeStem(field)}_past`,
      say(text, "date_past", {
        ...situation(context.index, row),
        field: name,
        date: formatIsoDate(text.language, given),
        today: formatIsoDate(text.language, context.today),
      }),
    );
    return { value: given, violations: [], changeOnly: [past] };
  }
  return { value: given, violations: [], changeOnly: [] };
}

function roleMessage(index: PlaybookIndex, row: ScenarioRow, l1: L1): string {
  const { text } = index;
  const names = row.updatedBy.map((id) => say(text, "role_in_list", { role: index.role(id)?.name ?? id }));
  return say(text, "role_not_allowed", { ...situation(index, row), l1: l1.name, roles: orList(text, names) });
}

/** A stored id shown by its name in messages. */
function displayName(
  index: PlaybookIndex,
  l1Id: string,
  l2Id: string | null,
  field: ScenarioField,
  id: string,
): string {
  if (field === "l2") return index.l2(l1Id, id)?.name ?? id;
  if (field === "l3") return (l2Id && index.l3(l1Id, l2Id, id)?.name) || id;
  if (field === "serviceStatus") return index.playbook.serviceStatuses.find((s) => s.id === id)?.name ?? id;
  if (field === "engagementScenario") {
    return index.playbook.engagementScenarios.find((s) => s.id === id)?.name ?? id;
  }
  return id;
}
