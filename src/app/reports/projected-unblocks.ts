import { projectedUnblocks } from "../../db/repositories/report-repository.ts";
import type { AppDeps } from "../app-deps.ts";
import { type ReportFilter, reportScope } from "./report-scope.ts";

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
export async function getProjectedUnblocks(
  deps: AppDeps,
  filter: ReportFilter = {},
): Promise<ProjectedUnblockWeek[]> {
  const scope = reportScope(deps, filter);
  const rows = await projectedUnblocks(deps.database.db, scope);
  return rows.map((row) => ({ ...row, past: addDays(row.weekStart, 6) < scope.today }));
}

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
