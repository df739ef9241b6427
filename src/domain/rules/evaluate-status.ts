import { normalizeName, type PlaybookIndex } from "../playbook/playbook-index.ts";
import type { Stage } from "../playbook/playbook-schema.ts";
import type { IsoDate, ProposedSegment, StatusSegment } from "../status-segment.ts";
import type { Violation } from "../violation.ts";
import { checkSegment, type SegmentContext } from "./check-segment.ts";
import { cleanText } from "./field-values.ts";
import { scenarioFields } from "./scenario-fields.ts";
import { checkSplit, splitReasonOf } from "./split-seats.ts";

export interface StatusChange {
  index: PlaybookIndex;
  /** Service id in the playbook catalogue. */
  serviceId: string;
  stage: Stage;
  /** Role id of the acting user. */
  actorRole: string;
  /** The entitlement's available seats (override included). */
  availableSeats: number;
  /** Segments stored now; [] when the entitlement has no status yet. */
  previous: StatusSegment[];
  proposed: ProposedSegment[];
  /** Today as YYYY-MM-DD; the domain has no clock. */
  today: IsoDate;
}

export type StatusDecision = { ok: true; segments: StatusSegment[] } | { ok: false; violations: Violation[] };

/**
 * Judges a proposed status for one entitlement against the playbook and
 * returns either the segments to store (ids, defaults and carried values
 * filled in) or every violation found, so a form can show them all at once.
 *
 * A proposed segment identical to a stored one is kept as it is: it was judged
 * when recorded, and today's date, a later stage or a newer playbook must not
 * stop a manager from editing the other segments of the service.
 */
export function evaluateStatus(change: StatusChange): StatusDecision {
  const context: SegmentContext = {
    index: change.index,
    serviceId: change.serviceId,
    stage: change.stage,
    actorRole: change.actorRole,
    previous: change.previous,
    today: change.today,
  };
  const violations: Violation[] = [];
  const judged: ProposedSegment[] = [];
  const segments: StatusSegment[] = [];

  change.proposed.forEach((proposed, position) => {
    const splitReason = splitReasonOf(proposed);
    const stored = change.previous.find((candidate) => restates(change.index, proposed, candidate));
    if (stored) {
      segments.push({ ...stored, splitReason });
      judged.push({ ...stored, splitReason: proposed.splitReason ?? null });
      return;
    }
    const check = checkSegment(context, proposed, position);
    const built = check.segment;
    judged.push(built ? { ...built, splitReason: proposed.splitReason ?? null } : proposed);
    if (!built) {
      violations.push(...inFieldOrder([...check.violations, ...check.changeOnly]));
      return;
    }
    const unchanged = check.violations.length === 0 && change.previous.some((s) => sameStatus(built, s));
    if (!unchanged) violations.push(...inFieldOrder([...check.violations, ...check.changeOnly]));
    segments.push({ ...built, splitReason });
  });

  violations.push(...checkSplit(change.availableSeats, judged, change.index.text));
  if (violations.length > 0) return { ok: false, violations };
  // A split reason only means something when there is a split.
  const single = segments.length === 1;
  return { ok: true, segments: segments.map((s) => (single ? { ...s, splitReason: null } : s)) };
}

const fieldOrder = ["l1", "scenarioId", "seats", ...scenarioFields, "splitReason"];

/** A segment's violations in the order its fields appear on the form. */
function inFieldOrder(found: Violation[]): Violation[] {
  const rank = (item: Violation) => fieldOrder.indexOf(item.field.split(".").at(-1) ?? "");
  return [...found].sort((a, b) => rank(a) - rank(b));
}

/** Whether two segments record the same status; seats count, the split reason does not. */
function sameStatus(a: StatusSegment, b: StatusSegment): boolean {
  return (
    a.seats === b.seats &&
    a.l1 === b.l1 &&
    a.scenarioId === b.scenarioId &&
    scenarioFields.every((field) => (a[field] || null) === (b[field] || null))
  );
}

/**
 * Whether a proposal repeats a stored segment word for word (names may stand
 * for ids). Checked before any rule so a stored segment from an earlier stage
 * or playbook version survives untouched.
 */
function restates(index: PlaybookIndex, proposed: ProposedSegment, stored: StatusSegment): boolean {
  if (proposed.seats !== stored.seats) return false;
  const scenarioId = cleanText(proposed.scenarioId);
  if (scenarioId !== null && scenarioId !== stored.scenarioId) return false;
  const l1 = cleanText(proposed.l1);
  if (l1 === null || index.findL1(l1)?.id !== stored.l1) return false;
  return scenarioFields.every((field) => {
    const given = cleanText(proposed[field]);
    const kept = stored[field] || null;
    if (given === null || kept === null) return given === kept;
    return given === kept || refersTo(index, stored, field, given, kept);
  });
}

/** Whether a name the user typed names the stored id of a list field. */
function refersTo(
  index: PlaybookIndex,
  stored: StatusSegment,
  field: (typeof scenarioFields)[number],
  given: string,
  kept: string,
): boolean {
  switch (field) {
    case "l2":
      return index.findL2(stored.l1, given)?.id === kept;
    case "l3":
      return stored.l2 !== null && index.findL3(stored.l1, stored.l2, given)?.id === kept;
    case "serviceStatus":
      return index.playbook.serviceStatuses.some((s) => s.id === kept && sameName(s.name, given));
    case "engagementScenario":
      return index.playbook.engagementScenarios.some((s) => s.id === kept && sameName(s.name, given));
    default:
      return false;
  }
}

function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}
