import { type OverdueActionRow, overdueNextActions } from "../db/repositories/report-repository.ts";
import type { AppDeps } from "./app-deps.ts";
import { FilterChecks } from "./list-filter-checks.ts";
import { type ReportFilter, reportScope } from "./report-scope.ts";

export interface OverdueNextAction extends OverdueActionRow {
  serviceName: string;
}

/** Segments whose next action date is before today, oldest first (at most `limit`, default 500). */
export async function getOverdueNextActions(
  deps: AppDeps,
  filter: ReportFilter & { limit?: number } = {},
): Promise<OverdueNextAction[]> {
  const checks = new FilterChecks();
  const limit = checks.limit(filter.limit, 500, 5000);
  const rows = await overdueNextActions(deps.database.db, reportScope(deps, filter, checks), limit);
  return rows.map((row) => ({
    ...row,
    serviceName: deps.playbook.index.service(row.serviceId)?.name ?? row.serviceId,
  }));
}
