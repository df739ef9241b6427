import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
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

/**
 * Why a row is where it is: each segment's "L2 › L3" by name (the L1 is the
 * chip beside it), once each, joined by "; "; empty when no segment has an L2.
 */
export function reasonText(
  index: PlaybookIndex,
  segments: readonly Pick<StoredSegment, "l1" | "l2" | "l3">[],
): string {
  const reasons = segments.flatMap(({ l1, l2, l3 }) => {
    if (!l2) return [];
    const l2Name = index.l2(l1, l2)?.name ?? l2;
    const l3Name = l3 ? (index.l3(l1, l2, l3)?.name ?? l3) : null;
    return [l3Name ? `${l2Name} › ${l3Name}` : l2Name];
  });
  return [...new Set(reasons)].join("; ");
}
