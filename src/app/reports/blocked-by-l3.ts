import { blockedByL3 } from "../../db/repositories/report-repository.ts";
import type { BlockedByL3Row } from "../../http/schemas/reports.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { type ReportFilter, reportScope } from "./report-scope.ts";
import { type ReportTotals, reportTotals } from "./report-totals.ts";

/** Blocked seats per L3 reason (within its L2), weighted by seats, biggest first. */
export function getBlockedByL3(
  deps: AppDeps,
  actor: Actor,
  filter: ReportFilter = {},
): Promise<ReportTotals<BlockedByL3Row>> {
  return reportTotals(deps, actor, filter, async (visibleTo, db) => {
    const rows = await blockedByL3(db, reportScope(deps, filter, visibleTo));
    return sharedRows(deps, rows);
  });
}

function sharedRows(deps: AppDeps, rows: Awaited<ReturnType<typeof blockedByL3>>): BlockedByL3Row[] {
  const { index } = deps.playbook;
  const total = rows.reduce((sum, row) => sum + row.seats, 0);
  return rows.map((row) => ({
    l2: row.l2,
    l2Name: (row.l2 && index.l2("blocked", row.l2)?.name) ?? row.l2 ?? "(no L2)",
    l3: row.l3,
    l3Name: (row.l2 && row.l3 && index.l3("blocked", row.l2, row.l3)?.name) ?? row.l3 ?? "(no L3)",
    seats: row.seats,
    share: total === 0 ? 0 : row.seats / total,
    tenants: row.tenants,
    segments: row.segments,
  }));
}
