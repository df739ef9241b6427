import { type BlockedPieceRow, blockedPieces } from "../../db/repositories/history-report-repository.ts";
import { endOfDay } from "../../domain/history/as-of-day.ts";
import { blockedDwell, cohortSurvival } from "../../domain/history/blocked-dwell.ts";
import { withoutSmallCells } from "../../domain/policy/small-cells.ts";
import type { DwellAnswer, DwellRow } from "../../http/schemas/history-reports.ts";
import { type Actor, type AppDeps, todayOf } from "../app-deps.ts";
import { windowDays } from "../as-of-checks.ts";
import { FilterChecks } from "../list-filter-checks.ts";
import { historyLabels } from "./history-labels.ts";
import { reportTotals } from "./report-totals.ts";

export type DwellGrouping = "l2" | "l3" | "service";

export interface DwellQuery {
  from?: string;
  to?: string;
  by?: DwellGrouping;
  serviceId?: string;
  customerId?: string;
  /** My portfolio: only the reader's own tenants. */
  mine?: boolean | undefined;
}

/** Days the whole scope's survival curve is read at. */
const curveDays = [0, 7, 14, 30, 60, 90, 120, 180, 270, 365];

/**
 * How long seats stay Blocked, per L2 (or L3, or service) over a window of
 * UTC days (default the last 90): days Blocked of the seats Blocked at its
 * end, time to unblock of the seats unblocked within it, and the share of the
 * seats Blocked within it still Blocked after 30, 90 and 180 days. Weighted by
 * seats; rebuilt from the status history (docs/HISTORY.md). Engineering sees
 * it in aggregate with small cells withheld, like every totals report.
 */
export async function getDwellTimes(
  deps: AppDeps,
  actor: Actor,
  query: DwellQuery = {},
): Promise<DwellAnswer> {
  const checks = new FilterChecks();
  const window = windowDays(checks, query, todayOf(deps.now()));
  const by = checks.oneOf("by", query.by, ["l2", "l3", "service"] as const, "l2");
  const customerId = checks.id("customerId", query.customerId);
  const serviceId = checks.service("serviceId", query.serviceId, deps.playbook.index);
  let curve: DwellAnswer["curve"] = [];
  let cohortTenants = 0;
  const totals = await reportTotals(
    deps,
    actor,
    { customerId: query.customerId, mine: query.mine },
    async (visibleTo) => {
      checks.done();
      const pieces = await blockedPieces(
        deps.database.db,
        { serviceId, customerId, visibleTo },
        endOfDay(window.to),
      );
      curve = cohortSurvival(pieces, window, curveDays);
      cohortTenants = new Set(
        pieces
          .filter((piece) => piece.since >= window.from && piece.since <= window.to)
          .map((piece) => piece.tenantId),
      ).size;
      return dwellRows(deps, pieces, window, by);
    },
  );
  const withheld = withoutSmallCells(actor.role, [{ tenants: cohortTenants }]).suppressed > 0;
  return {
    ...window,
    by,
    items: totals.items,
    curve: withheld ? [] : curve,
    suppressedCells: totals.suppressedCells + (withheld ? 1 : 0),
  };
}

function dwellRows(
  deps: AppDeps,
  pieces: readonly BlockedPieceRow[],
  window: { from: string; to: string },
  by: DwellGrouping,
): DwellRow[] {
  const groups = new Map<string, BlockedPieceRow[]>();
  for (const piece of pieces) {
    const key =
      by === "service"
        ? piece.serviceId
        : by === "l3"
          ? `${piece.l2 ?? ""}/${piece.l3 ?? ""}`
          : (piece.l2 ?? "");
    const group = groups.get(key);
    if (group) group.push(piece);
    else groups.set(key, [piece]);
  }
  const label = historyLabels(deps);
  const rows = [...groups.values()].map((group): DwellRow => {
    const first = group[0]!;
    const figures = blockedDwell(group, window);
    const l2 = by === "service" ? null : first.l2;
    const l3 = by === "l3" ? first.l3 : null;
    return {
      key: by === "service" ? first.serviceId : by === "l3" ? `${l2 ?? ""}/${l3 ?? ""}` : l2,
      l2,
      l2Name: by === "service" ? null : (label.l2("blocked", l2) ?? "(no L2)"),
      l3,
      l3Name: by === "l3" ? (label.l3("blocked", l2, l3) ?? "(no L3)") : null,
      serviceId: by === "service" ? first.serviceId : null,
      serviceName: by === "service" ? label.service(first.serviceId) : null,
      blockedSeats: figures.blockedSeats,
      daysBlockedMedian: figures.daysBlocked.median,
      daysBlockedP90: figures.daysBlocked.p90,
      unblockedSeats: figures.unblockedSeats,
      daysToUnblockMedian: figures.daysToUnblock.median,
      daysToUnblockP90: figures.daysToUnblock.p90,
      startedSeats: figures.startedSeats,
      stillBlockedAfter30: figures.stillBlocked.after30,
      stillBlockedAfter90: figures.stillBlocked.after90,
      stillBlockedAfter180: figures.stillBlocked.after180,
      tenants: figures.tenants,
    };
  });
  // Groups with nothing in the window (every piece ended before it) are left out.
  return rows
    .filter((row) => row.blockedSeats + row.unblockedSeats + row.startedSeats > 0)
    .sort(
      (a, b) =>
        b.blockedSeats - a.blockedSeats ||
        b.unblockedSeats - a.unblockedSeats ||
        (a.key ?? "").localeCompare(b.key ?? ""),
    );
}
