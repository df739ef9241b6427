import { blockedL1 } from "./entitlement-view.ts";

/**
 * What the segment triggers keep on each entitlement (drizzle/0004, 0006),
 * computed by the writers that know the segments anyway: written with the
 * entitlement's own update, the trigger then finds nothing to correct and the
 * row is updated once per change instead of three times.
 */
export interface SegmentSummary {
  blockedSeats: number;
  earliestTargetDate: string | null;
  earliestNextActionDate: string | null;
  /** "service/l2" of each Blocked segment, distinct and sorted as array_agg(DISTINCT ...) sorts them. */
  blockedKeys: string[];
}

export function segmentSummary(
  serviceId: string,
  segments: readonly {
    l1: string;
    seats: number;
    l2: string | null;
    targetDate: string | null;
    nextActionDate: string | null;
  }[],
): SegmentSummary {
  const summary: SegmentSummary = {
    blockedSeats: 0,
    earliestTargetDate: null,
    earliestNextActionDate: null,
    blockedKeys: [],
  };
  for (const segment of segments) {
    if (segment.l1 === blockedL1) {
      summary.blockedSeats += segment.seats;
      const key = `${serviceId}/${segment.l2 ?? ""}`;
      if (!summary.blockedKeys.includes(key)) summary.blockedKeys.push(key);
    }
    if (
      segment.targetDate &&
      (!summary.earliestTargetDate || segment.targetDate < summary.earliestTargetDate)
    ) {
      summary.earliestTargetDate = segment.targetDate;
    }
    if (
      segment.nextActionDate &&
      (!summary.earliestNextActionDate || segment.nextActionDate < summary.earliestNextActionDate)
    ) {
      summary.earliestNextActionDate = segment.nextActionDate;
    }
  }
  summary.blockedKeys.sort();
  return summary;
}
