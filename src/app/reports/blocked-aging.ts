import { agingBounds, blockedAging } from "../../db/repositories/report-repository.ts";
import type { AgingBucket } from "../../http/schemas/reports.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { type ReportFilter, reportScope } from "./report-scope.ts";
import { type ReportTotals, reportTotals } from "./report-totals.ts";

/**
 * Blocked seats by days since they became Blocked (segment l1Since, kept across
 * edits that keep the L1). Every bucket is returned, empty ones with zeros, so
 * a chart keeps its axis.
 */
export function getBlockedAging(
  deps: AppDeps,
  actor: Actor,
  filter: ReportFilter = {},
): Promise<ReportTotals<AgingBucket>> {
  return reportTotals(deps, actor, filter, async (visibleTo, db) => {
    const rows = await blockedAging(db, reportScope(deps, filter, visibleTo));
    return bucketsOf(rows);
  });
}

function bucketsOf(rows: Awaited<ReturnType<typeof blockedAging>>): AgingBucket[] {
  const byBucket = new Map(rows.map((row) => [row.bucket, row]));
  const last = agingBounds[agingBounds.length - 1]!;
  return [...agingBounds, null].map((maxDays, position) => {
    const minDays = position === 0 ? 0 : agingBounds[position - 1]! + 1;
    const row = byBucket.get(position);
    return {
      bucket: maxDays === null ? `${last}+` : `${minDays}-${maxDays}`,
      minDays,
      maxDays,
      seats: row?.seats ?? 0,
      tenants: row?.tenants ?? 0,
      segments: row?.segments ?? 0,
    };
  });
}
