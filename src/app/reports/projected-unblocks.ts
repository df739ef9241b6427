import { projectedUnblocks } from "../../db/repositories/report-repository.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { type ReportFilter, reportScope } from "./report-scope.ts";
import { type ReportTotals, reportTotals } from "./report-totals.ts";

export interface ProjectedUnblockWeek {
  /** ISO week, e.g. "2025-W15". */
  week: string;
  /** The Monday of that week (YYYY-MM-DD). */
  weekStart: string;
  /** Whether the week is over: these unblocks were projected and have slipped. */
  past: boolean;
  seats: number;
  tenants: number;
  segments: number;
}

/** Blocked seats per ISO week of their projected unblock date, earliest week first. */
export function getProjectedUnblocks(
  deps: AppDeps,
  actor: Actor,
  filter: ReportFilter = {},
): Promise<ReportTotals<ProjectedUnblockWeek>> {
  return reportTotals(deps, actor, filter, async (visibleTo) => {
    const scope = reportScope(deps, filter, visibleTo);
    const rows = await projectedUnblocks(deps.database.db, scope);
    return rows.map((row) => ({ ...row, past: addDays(row.weekStart, 6) < scope.today }));
  });
}

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
