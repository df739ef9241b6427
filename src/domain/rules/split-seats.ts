import { englishText, type RuleText, say, sayCount } from "../i18n/rule-text.ts";
import { type ProposedSegment, type SplitReason, splitReasons } from "../status-segment.ts";
import { type Violation, violation } from "../violation.ts";
import { cleanText } from "./field-values.ts";
import { scenarioFields } from "./scenario-fields.ts";

/**
 * Rules for spreading a service's seats over several status segments.
 * The playbook allows a split only when geographies or operating companies
 * differ, or when entitlements are duplicated across bundles (that last one
 * also needs an entitlement count review, which Unblock does not track).
 * Whatever the split, the segments always add up to the available seats.
 */
export function checkSplit(
  available: number,
  segments: readonly ProposedSegment[],
  text: RuleText = englishText,
): Violation[] {
  if (!Number.isInteger(available) || available < 0) {
    return [violation("availableSeats", "available_seats_invalid", say(text, "available_seats_invalid"))];
  }
  if (segments.length === 0) {
    return [violation("segments", "segments_required", say(text, "segments_required"))];
  }
  if (available === 0) return checkZeroSeats(segments, text);

  const found: Violation[] = [];
  segments.forEach((segment, position) => {
    if (!Number.isInteger(segment.seats) || segment.seats < 1) {
      const message = say(text, "seats_invalid", { segment: position + 1, seats: String(segment.seats) });
      found.push(violation(`segments.${position}.seats`, "seats_invalid", message));
    }
  });
  if (found.length === 0) {
    const total = segments.reduce((sum, segment) => sum + segment.seats, 0);
    if (total !== available) found.push(totalMismatch(total, available, text));
  }
  if (segments.length > 1) {
    found.push(...checkReasons(segments, text), ...checkIdentical(segments, text));
  }
  return found;
}

/** A service without seats still has one status, held by a single empty segment. */
function checkZeroSeats(segments: readonly ProposedSegment[], text: RuleText): Violation[] {
  if (segments.length > 1) {
    return [violation("segments", "segments_zero_seats_split", say(text, "segments_zero_seats_split"))];
  }
  const seats = segments[0]!.seats;
  if (seats === 0) return [];
  const message = say(text, "seats_zero_mismatch", { seats: String(seats) });
  return [violation("segments.0.seats", "seats_total_mismatch", message)];
}

function totalMismatch(total: number, available: number, text: RuleText): Violation {
  const count = Math.abs(available - total);
  const gap = say(text, total < available ? "seats_unassigned" : "seats_too_many", { count });
  const message = say(text, "seats_total_mismatch", {
    total: sayCount(text, "seats", total),
    available,
    gap,
  });
  return violation("segments", "seats_total_mismatch", message);
}

/** A split reason as the rules name it in a sentence ("operating company"). */
export function splitReasonName(reason: SplitReason, text: RuleText = englishText): string {
  return say(text, `split_reason_${reason}`);
}

/** The split reason of a proposed segment, or null when missing or not one of the three. */
export function splitReasonOf(segment: ProposedSegment): SplitReason | null {
  const value = cleanText(segment.splitReason);
  return splitReasons.find((reason) => reason === value) ?? null;
}

function checkReasons(segments: readonly ProposedSegment[], text: RuleText): Violation[] {
  const allowed = splitReasons.map((reason) => splitReasonName(reason, text)).join(", ");
  const found: Violation[] = [];
  segments.forEach((segment, position) => {
    const given = cleanText(segment.splitReason);
    const field = `segments.${position}.splitReason`;
    if (given === null) {
      found.push(violation(field, "split_reason_required", say(text, "split_reason_required", { allowed })));
    } else if (splitReasonOf(segment) === null) {
      found.push(
        violation(field, "split_reason_invalid", say(text, "split_reason_invalid", { given, allowed })),
      );
    }
  });
  return found;
}

/** Fields that make two segments say something different; seats and split reason do not. */
const distinguishing = ["l1", ...scenarioFields] as const;

function checkIdentical(segments: readonly ProposedSegment[], text: RuleText): Violation[] {
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
    const message = say(text, "segments_identical", { first: earlier + 1, second: position + 1 });
    found.push(violation(`segments.${position}`, "segments_identical", message));
  });
  return found;
}
