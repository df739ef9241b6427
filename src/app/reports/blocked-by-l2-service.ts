import { blockedByL2AndService } from "../../db/repositories/report-repository.ts";
import type { BlockedByL2ServiceRow } from "../../http/schemas/reports.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { historyLabels } from "./history-labels.ts";
import { type ReportFilter, reportScope } from "./report-scope.ts";
import { type ReportTotals, reportTotals } from "./report-totals.ts";

/** Blocked seats per L2 reason and service, biggest first, named in the reader's language. */
export function getBlockedByL2Service(
  deps: AppDeps,
  actor: Actor,
  filter: ReportFilter = {},
): Promise<ReportTotals<BlockedByL2ServiceRow>> {
  return reportTotals(deps, actor, filter, async (visibleTo, db) => {
    const rows = await blockedByL2AndService(db, reportScope(deps, filter, visibleTo));
    return namedRows(historyLabels(deps, actor.language), rows);
  });
}

function namedRows(
  label: ReturnType<typeof historyLabels>,
  rows: Awaited<ReturnType<typeof blockedByL2AndService>>,
): BlockedByL2ServiceRow[] {
  return rows.map((row) => ({
    l2: row.l2,
    l2Name: label.l2("blocked", row.l2) ?? label.noL2(),
    serviceId: row.serviceId,
    serviceName: label.service(row.serviceId),
    seats: row.seats,
    tenants: row.tenants,
    segments: row.segments,
  }));
}
