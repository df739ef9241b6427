import { overdueNextActions } from "../../db/repositories/report-repository.ts";
import type { OverdueActionPage } from "../../http/schemas/reports.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { FilterChecks } from "../list-filter-checks.ts";
import { readOnReplica } from "../replica/replica-reads.ts";
import { historyLabels } from "./history-labels.ts";
import { type ReportFilter, reportScope } from "./report-scope.ts";
import { reportRowScope } from "./report-totals.ts";

/**
 * Segments whose next action date is before today, oldest first, a page at a
 * time like the portfolio lists (50 by default, at most 1,000): the dashboard
 * shows the first few, and a whole portfolio's overdue actions run to
 * thousands, which no one reads in one answer.
 */
export async function getOverdueNextActions(
  deps: AppDeps,
  actor: Actor,
  filter: ReportFilter & { limit?: number | undefined; cursor?: string | undefined } = {},
): Promise<OverdueActionPage> {
  const visibleTo = reportRowScope(deps, actor, filter.mine);
  const checks = new FilterChecks();
  const limit = checks.limit(filter.limit, 50, 1000);
  const scope = reportScope(deps, filter, visibleTo, checks);
  const page = await readOnReplica(deps, "report", (database) =>
    overdueNextActions(database.db, scope, { limit, cursor: filter.cursor || undefined }),
  );
  const label = historyLabels(deps, actor.language);
  return {
    items: page.items.map((row) => ({ ...row, serviceName: label.service(row.serviceId) })),
    nextCursor: page.nextCursor,
  };
}
