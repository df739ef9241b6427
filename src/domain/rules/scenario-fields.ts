import { englishText, type RuleText, say } from "../i18n/rule-text.ts";
import type { PlaybookIndex } from "../playbook/playbook-index.ts";
import type { FieldRule, L1, ScenarioField, ScenarioRow, Stage } from "../playbook/playbook-schema.ts";
import type { StatusSegment } from "../status-segment.ts";

/**
 * What each scenario field means, shared by the rule checks and the web editor
 * so that both read a scenario row the same way.
 */

export const scenarioFields = [
  "l2",
  "l3",
  "serviceStatus",
  "engagementScenario",
  "targetDate",
  "owner",
  "note",
  "nextActionDate",
  "nextAction",
] as const satisfies readonly ScenarioField[];

/** Stable snake_case stem for violation codes: targetDate -> target_date. */
export function codeStem(field: ScenarioField): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** The name a manager knows each field by, the same in every row ("Target date"). */
export function fieldName(field: ScenarioField, text: RuleText = englishText): string {
  return say(text, `field_${field}`);
}

/** The playbook's own word for the field in this row ("Projected unblock date"), else its name. */
export function fieldLabel(row: ScenarioRow, field: ScenarioField, text: RuleText = englishText): string {
  return row.fields[field].label ?? fieldName(field, text);
}

/** A label inside a sentence: "Projected unblock date" -> "projected unblock date", but "L2 reason" and German nouns stay. */
export function inSentence(label: string, text: RuleText = englishText): string {
  if (text.language !== "en") return label;
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

export function stageName(stage: Stage, text: RuleText = englishText): string {
  return say(text, stage === "assignment" ? "stage_assignment" : "stage_delivery");
}

/** The values every sentence about a row's situation names: its L1 and its stage ("Blocked", "Delivery"). */
export function situation(index: PlaybookIndex, row: ScenarioRow): { l1: string; stage: string } {
  return { l1: index.l1(row.l1)?.name ?? row.l1, stage: stageName(row.stage, index.text) };
}

/** L1 field availability (user guide) for the fields it speaks about. */
function l1Availability(l1: L1, field: ScenarioField): "required" | "optional" | "none" | undefined {
  if (field === "l2") return l1.l2;
  if (field === "targetDate") return l1.targetDate;
  if (field === "owner") return l1.owner;
  return undefined;
}

/**
 * The rule that applies to a field in a row. The row decides; the L1's field
 * availability only tightens a row that leaves the field optional, as a safety
 * net for a deployment playbook whose rows are looser than its L1 definitions.
 */
export function effectiveRule(
  index: PlaybookIndex,
  row: ScenarioRow,
  field: ScenarioField,
): FieldRule["rule"] {
  const rule = row.fields[field].rule;
  if (rule !== "optional") return rule;
  const l1 = index.l1(row.l1);
  const availability = l1 ? l1Availability(l1, field) : undefined;
  if (availability === "required") return "required";
  if (availability === "none") return "forbidden";
  return rule;
}

/** Marker in a row's `default` meaning "the chosen L2's resolver next action". */
export const l2NextActionMarker = "@l2";

/**
 * The value an empty field takes in a row, or null. "@l2" resolves through the
 * L2 (Delivery Blocked: the next action depends on who resolves the blocker).
 */
export function fieldDefault(
  index: PlaybookIndex,
  row: ScenarioRow,
  field: ScenarioField,
  l2Id: string | null,
): string | null {
  const value = row.fields[field].default;
  if (value === undefined || value === "") return null;
  if (value !== l2NextActionMarker) return value;
  return l2Id ? (index.l2(row.l1, l2Id)?.resolver.nextAction ?? null) : null;
}

/**
 * The stored segment a carried value comes from: the segment with the same L1,
 * else the one at the same position, else the first. Classification (L2, L3)
 * only carries within the same L1, since another L1's L2 means nothing here.
 */
export function carrySource(
  previous: readonly StatusSegment[],
  l1Id: string,
  position: number,
  field: ScenarioField,
): StatusSegment | undefined {
  const sameL1 = previous.find((segment) => segment.l1 === l1Id);
  if (sameL1 || field === "l2" || field === "l3") return sameL1;
  return previous[position] ?? previous[0];
}

/**
 * The value a carry rule keeps, or undefined when there is nothing to carry.
 * An empty L3 is itself a classification (the L2 without refinement), so it
 * carries; any other empty field means there is no previous value.
 */
export function carriedValue(
  previous: readonly StatusSegment[],
  l1Id: string,
  position: number,
  field: ScenarioField,
): string | null | undefined {
  const source = carrySource(previous, l1Id, position, field);
  if (!source) return undefined;
  const value = storedValue(source, field);
  return value === null && field !== "l3" ? undefined : value;
}

/**
 * How a carry rule behaves when there is nothing to carry: the field must be
 * chosen now, except an L3, which only refines an L2 and stays optional.
 */
export function ruleWithoutCarry(field: ScenarioField): "required" | "optional" {
  return field === "l3" ? "optional" : "required";
}

/** The value of a field on a stored segment, as the rules compare it. */
export function storedValue(segment: StatusSegment, field: ScenarioField): string | null {
  const value = segment[field];
  return value === "" ? null : value;
}
