import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { ScenarioField, ScenarioRow } from "../../src/domain/playbook/playbook-schema.ts";
import type { StatusChange } from "../../src/domain/rules/evaluate-status.ts";
import { effectiveRule } from "../../src/domain/rules/scenario-fields.ts";
import type { ProposedSegment, StatusSegment } from "../../src/domain/status-segment.ts";
import { defaultIndex } from "../support/default-playbook.ts";

/** The "today" status tests run on; dates around it are spelled out in the tests. */
export const testToday = "2025-06-10";
export const futureDate = "2025-09-30";
export const pastDate = "2025-06-09";

/** A status change on Exchange in the Delivery stage by the Delivery FM; override what the test is about. */
export function statusChange(overrides: Partial<StatusChange> = {}): StatusChange {
  return {
    index: defaultIndex(),
    serviceId: "exchange",
    stage: "delivery",
    actorRole: "delivery_fm",
    availableSeats: 1000,
    previous: [],
    proposed: [],
    today: testToday,
    ...overrides,
  };
}

/** A stored segment as the database would hand it back. */
export function storedSegment(
  fields: Partial<StatusSegment> & Pick<StatusSegment, "l1" | "scenarioId">,
): StatusSegment {
  return {
    seats: 1000,
    l2: null,
    l3: null,
    serviceStatus: null,
    engagementScenario: null,
    targetDate: null,
    owner: null,
    note: "",
    nextActionDate: null,
    nextAction: null,
    splitReason: null,
    ...fields,
  };
}

/**
 * A proposal that satisfies a scenario row, built from the row's own rules:
 * required fields get a valid value, carried fields come from a stored segment
 * of the same L1, optional and forbidden fields stay empty. Used by the
 * table-driven tests that walk every row of a playbook.
 */
export function validProposalFor(
  index: PlaybookIndex,
  row: ScenarioRow,
): { proposed: ProposedSegment; previous: StatusSegment[] } {
  const l1 = index.l1(row.l1)!;
  const firstL2 = l1.l2s[0]?.id ?? null;
  const firstOf = (field: "serviceStatus" | "engagementScenario") => {
    const allowed = row.fields[field].allowed;
    const list =
      field === "serviceStatus" ? index.playbook.serviceStatuses : index.playbook.engagementScenarios;
    return allowed[0] ?? list[0]!.id;
  };
  const sample: Record<ScenarioField, string | null> = {
    l2: firstL2,
    l3: null,
    serviceStatus: firstOf("serviceStatus"),
    engagementScenario: firstOf("engagementScenario"),
    targetDate: futureDate,
    owner: "Jordan Lee",
    note: "Blocked: the proxy drops the service's traffic; clears when the new firewall is in.",
    nextActionDate: futureDate,
    nextAction: "Call the customer's IT lead",
  };
  const proposed: ProposedSegment = { seats: 1000, l1: row.l1, scenarioId: row.id };
  const carried: Partial<Record<ScenarioField, string | null>> = {};
  for (const field of Object.keys(sample) as ScenarioField[]) {
    const rule = effectiveRule(index, row, field);
    if (rule === "required") proposed[field] = sample[field];
    if (rule === "carry") carried[field] = sample[field];
  }
  const previous =
    Object.keys(carried).length > 0
      ? [storedSegment({ l1: row.l1, scenarioId: row.id, seats: 400, ...carried, note: carried.note ?? "" })]
      : [];
  return { proposed, previous };
}
