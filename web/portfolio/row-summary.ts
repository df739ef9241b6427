import type { EntitlementView, StoredSegment } from "../api/api-types.ts";
import { ownerText } from "../shared/owner-text.ts";

/** What one portfolio row shows of an entitlement's segments. */
export interface RowSummary {
  owners: string;
  /** Earliest target date among the segments. */
  targetDate: string | null;
  /** The next action due first (undated actions come last). */
  nextAction: string | null;
  nextActionDate: string | null;
  overdue: boolean;
}

export function summarizeRow(entitlement: EntitlementView, today: string): RowSummary {
  const segments = entitlement.segments;
  const owners = [...new Set(segments.map(ownerText).filter(Boolean))].join("; ");
  const targets = segments
    .map((segment) => segment.targetDate)
    .filter((date): date is string => Boolean(date))
    .sort();
  const due = [...segments].sort(byNextAction)[0];
  return {
    owners,
    targetDate: targets[0] ?? null,
    nextAction: due?.nextAction ?? null,
    nextActionDate: due?.nextActionDate ?? null,
    overdue: segments.some((segment) => segment.nextActionDate !== null && segment.nextActionDate < today),
  };
}

function byNextAction(a: StoredSegment, b: StoredSegment): number {
  if (a.nextActionDate === b.nextActionDate) return (b.nextAction ? 1 : 0) - (a.nextAction ? 1 : 0);
  if (a.nextActionDate === null) return 1;
  if (b.nextActionDate === null) return -1;
  return a.nextActionDate < b.nextActionDate ? -1 : 1;
}
