import { type ProposedSegment, type SplitReason, splitReasons } from "../status-segment.ts";
import { type Violation, violation } from "../violation.ts";
import { cleanText, formatCount } from "./field-values.ts";
import { scenarioFields } from "./scenario-fields.ts";

/**
 * Rules for spreading a service's seats over several status segments.
 * The playbook allows a split only when geographies or operating companies
 * differ, or when entitlements are duplicated across bundles (that last one
 * also needs an entitlement count review, which Unblock does not track).
 * Whatever the split, the segments always add up to the available seats.
 */
export function checkSplit(available: number, segments: readonly ProposedSegment[]): Violation[] {
  if (!Number.isInteger(available) || available < 0) {
    return [
      violation(
        "availableSeats",
        "available_seats_invalid",
        "The available seats must be a whole number of 0 or more.",
      ),
    ];
  }
  if (segments.length === 0) {
    return [
      violation("segments", "segments_required", "Record at least one segment for the service's seats."),
    ];
  }
  if (available === 0) return checkZeroSeats(segments);

  const found: Violation[] = [];
  segments.forEach((segment, position) => {
    if (!Number.isInteger(segment.seats) || segment.seats < 1) {
      found.push(
        violation(
          `segments.${position}.seats`,
          "seats_invalid",
          `Each segment needs a whole number of seats, at least 1 (segment ${position + 1} has ${String(segment.seats)}).`,
        ),
      );
    }
  });
  if (found.length === 0) {
    const total = segments.reduce((sum, segment) => sum + segment.seats, 0);
    if (total !== available) found.push(totalMismatch(total, available));
  }
  if (segments.length > 1) {
    found.push(...checkReasons(segments), ...checkIdentical(segments));
  }
  return found;
}

/** A service without seats still has one status, held by a single empty segment. */
function checkZeroSeats(segments: readonly ProposedSegment[]): Violation[] {
  if (segments.length > 1) {
    return [
      violation(
        "segments",
        "segments_zero_seats_split",
        "The service has no available seats, so it takes a single segment with 0 seats.",
      ),
    ];
  }
  const seats = segments[0]!.seats;
  return seats === 0
    ? []
    : [
        violation(
          "segments.0.seats",
          "seats_total_mismatch",
          `The service has no available seats: record the segment with 0 seats, not ${String(seats)}.`,
        ),
      ];
}

function totalMismatch(total: number, available: number): Violation {
  const difference = Math.abs(available - total);
  const gap =
    total < available ? `${formatCount(difference)} unassigned` : `${formatCount(difference)} too many`;
  return violation(
    "segments",
    "seats_total_mismatch",
    `Segments total ${seatCount(total)} but the service has ${formatCount(available)} available: ${gap}.`,
  );
}

function seatCount(value: number): string {
  return `${formatCount(value)} ${value === 1 ? "seat" : "seats"}`;
}

const reasonNames: Record<SplitReason, string> = {
  geography: "geography",
  operating_company: "operating company",
  duplicate_entitlement: "duplicate entitlement",
};

/** The split reason of a proposed segment, or null when missing or not one of the three. */
export function splitReasonOf(segment: ProposedSegment): SplitReason | null {
  const value = cleanText(segment.splitReason);
  return splitReasons.find((reason) => reason === value) ?? null;
}

function checkReasons(segments: readonly ProposedSegment[]): Violation[] {
  const allowed = splitReasons.map((reason) => reasonNames[reason]).join(", ");
  const found: Violation[] = [];
  segments.forEach((segment, position) => {
    const given = cleanText(segment.splitReason);
    if (given === null) {
      found.push(
        violation(
          `segments.${position}.splitReason`,
          "split_reason_required",
          `Seats split over several segments need a reason on each segment: ${allowed}.`,
        ),
      );
    } else if (splitReasonOf(segment) === null) {
      found.push(
        violation(
          `segments.${position}.splitReason`,
          "split_reason_invalid",
          `"${given}" is not a reason to split seats; the playbook allows ${allowed}.`,
        ),
      );
    }
  });
  return found;
}

/** Fields that make two segments say something different; seats and split reason do not. */
const distinguishing = ["l1", ...scenarioFields] as const;

function checkIdentical(segments: readonly ProposedSegment[]): Violation[] {
  const key = (segment: ProposedSegment) =>
    JSON.stringify(distinguishing.map((field) => cleanText(segment[field])?.toLowerCase() ?? null));
  const seen = new Map<string, number>();
  const found: Violation[] = [];
  segments.forEach((segment, position) => {
    const earlier = seen.get(key(segment));
    if (earlier === undefined) {
      seen.set(key(segment), position);
      return;
    }
    found.push(
      violation(
        `segments.${position}`,
        "segments_identical",
        `Segments ${earlier + 1} and ${position + 1} record the same status, owner, dates and note; merge them into one segment.`,
      ),
    );
  });
  return found;
}
