import { normalizeName, type PlaybookIndex } from "../playbook/playbook-index.ts";
import type { FieldRule, L1, ScenarioField, ScenarioRow } from "../playbook/playbook-schema.ts";
import { type Violation, violation } from "../violation.ts";
import { fieldLabel, inSentence } from "./scenario-fields.ts";

/** A value judged for one field: the stored form (ids for list fields) and what is wrong with it. */
export interface ValueCheck {
  value: string | null;
  violations: Violation[];
  /** Problems that only count when the segment changed (see SegmentCheck). */
  changeOnly: Violation[];
}

const accepted = (value: string): ValueCheck => ({ value, violations: [], changeOnly: [] });
const refused = (path: string, code: string, message: string): ValueCheck => ({
  value: null,
  violations: [violation(path, code, message)],
  changeOnly: [],
});

/** Lists names for a message, or only says how many there are when the list is long. */
function choices(names: string[]): string {
  return names.length <= 12
    ? `Choose one of: ${names.join(", ")}.`
    : `Choose one of the ${names.length} listed.`;
}

export function checkL2(index: PlaybookIndex, l1: L1, given: string, path: string): ValueCheck {
  const l2 = index.findL2(l1.id, given);
  if (l2) return accepted(l2.id);
  const elsewhere = index.playbook.l1s.find((other) => other.id !== l1.id && index.findL2(other.id, given));
  const belongs = elsewhere ? ` It is an L2 of ${elsewhere.name}.` : "";
  const options = l1.l2s.length > 0 ? ` ${choices(l1.l2s.map((candidate) => candidate.name))}` : "";
  return refused(path, "l2_unknown", `"${given}" is not an L2 reason of ${l1.name}.${belongs}${options}`);
}

export function checkL3(
  index: PlaybookIndex,
  input: { l1: L1; l2: string | null; serviceId: string; given: string; path: string },
): ValueCheck {
  const { l1, l2: l2Id, serviceId, given, path } = input;
  const l2 = l2Id ? index.l2(l1.id, l2Id) : undefined;
  if (!l2) {
    return refused(path, "l3_without_l2", "An L3 reason refines an L2 reason: choose a valid L2 first.");
  }
  if (l2.l3 === "none") {
    return refused(path, "l3_forbidden", `${l1.name} > ${l2.name} takes no L3 reason: leave it empty.`);
  }
  const l3 = index.findL3(l1.id, l2.id, given);
  const serviceName = index.service(serviceId)?.name ?? serviceId;
  if (!l3) {
    const offered = index.l3sFor(l1.id, l2.id, serviceId).map((candidate) => candidate.name);
    const options = offered.length > 0 ? ` ${choices(offered)}` : "";
    return refused(
      path,
      "l3_unknown",
      `"${given}" is not an L3 reason of ${l1.name} > ${l2.name}.${options}`,
    );
  }
  if (!index.l3(l1.id, l2.id, l3.id, serviceId)) {
    const only = l3.services.map((id) => index.service(id)?.name ?? id).join(", ");
    return refused(
      path,
      "l3_wrong_service",
      `"${l3.name}" is an L3 reason for ${only} only, not for ${serviceName}.`,
    );
  }
  return accepted(l3.id);
}

/** Service status and engagement scenario: a known value, within the row's allowed list if it has one. */
export function checkListValue(
  list: readonly { id: string; name: string }[],
  input: {
    row: ScenarioRow;
    rule: FieldRule;
    field: ScenarioField;
    given: string;
    path: string;
    kind: string;
  },
): ValueCheck {
  const { row, rule, field, given, path, kind } = input;
  const code = kind.replace(/ /g, "_");
  const wanted = normalizeName(given);
  const found = list.find((item) => normalizeName(item.id) === wanted || normalizeName(item.name) === wanted);
  if (!found) {
    return refused(
      path,
      `${code}_unknown`,
      `"${given}" is not a known ${kind}. ${choices(list.map((i) => i.name))}`,
    );
  }
  if (rule.allowed.length > 0 && !rule.allowed.includes(found.id)) {
    const allowed = list.filter((item) => rule.allowed.includes(item.id)).map((item) => item.name);
    return refused(
      path,
      `${code}_not_allowed`,
      `The scenario "${row.title}" allows only ${allowed.join(", ")} as the ${inSentence(fieldLabel(row, field))}; "${found.name}" is not one of them.`,
    );
  }
  return accepted(found.id);
}
