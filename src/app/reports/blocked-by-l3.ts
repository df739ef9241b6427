import { blockedByL3 } from "../../db/repositories/report-repository.ts";
import type { BlockedByL3Row } from "../../http/schemas/reports.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { historyLabels } from "./history-labels.ts";
import { type ReportFilter, reportScope } from "./report-scope.ts";
import { type ReportTotals, reportTotals } from "./report-totals.ts";

/** Blocked seats per L3 reason (within its L2), weighted by seats, biggest first, named in the reader's language. */
export function getBlockedByL3(
  deps: AppDeps,
  actor: Actor,
  filter: ReportFilter = {},
): Promise<ReportTotals<BlockedByL3Row>> {
  return reportTotals(deps, actor, filter, async (visibleTo, db) => {
    const rows = await blockedByL3(db, reportScope(deps, filter, visibleTo));
    return sharedRows(historyLabels(deps, actor.language), rows);
  });
}

function sharedRows(
  label: ReturnType<typeof historyLabels>,
  rows: Awaited<ReturnType<typeof blockedByL3>>,
): BlockedByL3Row[] {
  const total = rows.reduce((sum, row) => sum + row.seats, 0);
  return rows.map((row) => ({
    l2: row.l2,
    l2Name: label.l2("blocked", row.l2) ?? label.noL2(),
    l3: row.l3,
    l3Name: label.l3("blocked", row.l2, row.l3) ?? row.l3 ?? label.noL3(),
    seats: row.seats,
    share: total === 0 ? 0 : row.seats / total,
    tenants: row.tenants,
    segments: row.segments,
  }));
}
