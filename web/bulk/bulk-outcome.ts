import type { EntitlementView } from "../api/api-types.ts";
import type { BulkResult, PlannedRow } from "./bulk-plan.ts";

/** What a bulk update did, row by row, for the summary shown after it. */
export interface BulkOutcome {
  /** What was applied, in words. */
  change: string;
  changed: EntitlementView[];
  /** Accepted, but the row already said this: nothing stored. */
  unchanged: EntitlementView[];
  refused: Array<{ entitlement: EntitlementView; messages: string[] }>;
}

/**
 * The server's answers sorted into changed, unchanged (same version back) and
 * refused, with the rows the rules refused before sending listed first.
 */
export function bulkOutcome(
  change: string,
  rows: readonly EntitlementView[],
  refusedHere: readonly PlannedRow[],
  results: readonly BulkResult[],
): BulkOutcome {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const changed: EntitlementView[] = [];
  const unchanged: EntitlementView[] = [];
  const refused: BulkOutcome["refused"] = refusedHere.map((row) => ({
    entitlement: row.entitlement,
    messages: row.violations.map((found) => found.message),
  }));
  for (const result of results) {
    const entitlement = byId.get(result.entitlementId);
    if (!entitlement) continue;
    if (result.ok && result.version === entitlement.version) unchanged.push(entitlement);
    else if (result.ok) changed.push(entitlement);
    else {
      const messages = (result.errors ?? []).map((found) => found.message);
      refused.push({
        entitlement,
        messages: messages.length > 0 ? messages : [result.message ?? "Refused."],
      });
    }
  }
  return { change, changed, unchanged, refused };
}
