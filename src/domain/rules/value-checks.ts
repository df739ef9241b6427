import { type RuleText, say } from "../i18n/rule-text.ts";
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
function choices(text: RuleText, names: string[]): string {
  return names.length <= 12
    ? say(text, "choose_one_of", { names: names.join(", ") })
    : say(text, "choose_one_of_many", { count: names.length });
}

/** Sentences of one message, the empty ones left out. */
function sentences(...parts: string[]): string {
  return parts.filter((part) => part.length > 0).join(" ");
}

export function checkL2(index: PlaybookIndex, l1: L1, given: string, path: string): ValueCheck {
  const l2 = index.findL2(l1.id, given);
  if (l2) return accepted(l2.id);
  const { text } = index;
  const elsewhere = index.playbook.l1s.find((other) => other.id !== l1.id && index.findL2(other.id, given));
  const belongs = elsewhere ? say(text, "l2_elsewhere", { l1: elsewhere.name }) : "";
  const options =
    l1.l2s.length > 0
      ? choices(
          text,
          l1.l2s.map((candidate) => candidate.name),
        )
      : "";
  const message = sentences(say(text, "l2_unknown", { given, l1: l1.name }), belongs, options);
  return refused(path, "l2_unknown", message);
}

export function checkL3(
  index: PlaybookIndex,
  input: { l1: L1; l2: string | null; serviceId: string; given: string; path: string },
): ValueCheck {
  const { l1, l2: l2Id, serviceId, given, path } = input;
  const { text } = index;
  const l2 = l2Id ? index.l2(l1.id, l2Id) : undefined;
  if (!l2) return refused(path, "l3_without_l2", say(text, "l3_without_l2"));
  if (l2.l3 === "none") {
    return refused(path, "l3_forbidden", say(text, "l3_forbidden", { l1: l1.name, l2: l2.name }));
  }
  const l3 = index.findL3(l1.id, l2.id, given);
  const serviceName = index.service(serviceId)?.name ?? serviceId;
  if (!l3) {
    const offered = index.l3sFor(l1.id, l2.id, serviceId).map((candidate) => candidate.name);
    const options = offered.length > 0 ? choices(text, offered) : "";
    const unknown = say(text, "l3_unknown", { given, l1: l1.name, l2: l2.name });
    return refused(path, "l3_unknown", sentences(unknown, options));
  }
  if (!index.l3(l1.id, l2.id, l3.id, serviceId)) {
    const only = l3.services.map((id) => index.service(id)?.name ?? id).join(", ");
    const message = say(text, "l3_wrong_service", { l3: l3.name, services: only, service: serviceName });
    return refused(path, "l3_wrong_service", message);
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
    kind: "service_status" | "engagement_scenario";
    text: RuleText;
    /** The same list in the playbook's source language, whose names are accepted too. */
    sourceList?: readonly { id: string; name: string }[] | undefined;
  },
): ValueCheck {
  const { row, rule, field, given, path, kind, text } = input;
  const wanted = normalizeName(given);
  const matches = (item: { id: string; name: string }) =>
    normalizeName(item.id) === wanted || normalizeName(item.name) === wanted;
  const sourceId = input.sourceList?.find(matches)?.id;
  const found = list.find(matches) ?? list.find((item) => item.id === sourceId);
  if (!found) {
    const options = choices(
      text,
      list.map((i) => i.name),
    );
    return refused(path, `${kind}_unknown`, sentences(say(text, `${kind}_unknown`, { given }), options));
  }
  if (rule.allowed.length > 0 && !rule.allowed.includes(found.id)) {
    const allowed = list.filter((item) => rule.allowed.includes(item.id)).map((item) => item.name);
    const message = say(text, "value_not_allowed", {
      row: row.title,
      allowed: allowed.join(", "),
      field: inSentence(fieldLabel(row, field, text), text),
      value: found.name,
    });
    return refused(path, `${kind}_not_allowed`, message);
  }
  return accepted(found.id);
}
