import { projectedUnblocks } from "../../db/repositories/report-repository.ts";
import type { ProjectedUnblockWeek } from "../../http/schemas/reports.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { type ReportFilter, reportScope } from "./report-scope.ts";
import { type ReportTotals, reportTotals } from "./report-totals.ts";

/** Blocked seats per ISO week of their projected unblock date, earliest week first. */
export function getProjectedUnblocks(
  deps: AppDeps,
  actor: Actor,
  filter: ReportFilter = {},
): Promise<ReportTotals<ProjectedUnblockWeek>> {
  return reportTotals(deps, actor, filter, async (visibleTo, db) => {
    const scope = reportScope(deps, filter, visibleTo);
    const rows = await projectedUnblocks(db, scope);
    return rows.map((row) => ({ ...row, past: addDays(row.weekStart, 6) < scope.today }));
  });
}

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
