import type { Db } from "../../db/client.ts";
import { dwellTalliesFromSums, ensureDwellTallies } from "../../db/repositories/dwell-tallies-repository.ts";
import {
  type DwellTallyRow,
  dwellTalliesFromFacts,
  ensureHistoryFacts,
} from "../../db/repositories/history-facts-repository.ts";
import { type BlockedPieceRow, blockedPieces } from "../../db/repositories/history-report-repository.ts";
import { endOfDay } from "../../domain/history/as-of-day.ts";
import {
  cohortSurvival,
  type DwellTallies,
  dwellFromTallies,
  dwellTallies,
  survivalCurve,
} from "../../domain/history/blocked-dwell.ts";
import type { FollowedSeats } from "../../domain/history/survival.ts";
import { withoutSmallCells } from "../../domain/policy/small-cells.ts";
import type { DwellAnswer, DwellRow } from "../../http/schemas/history-reports.ts";
import { type Actor, type AppDeps, todayOf } from "../app-deps.ts";
import { windowDays } from "../as-of-checks.ts";
import { FilterChecks } from "../list-filter-checks.ts";
import { currentTaxonomyMap } from "../playbook/current-taxonomy-map.ts";
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
  /** Walk the history instead of reading the spell pieces the trigger keeps (tests compare both). */
  rebuildFromHistory?: boolean;
  /** Read the spell pieces even where the dwell tallies answer (tests compare both). */
  fromPieces?: boolean;
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
  const today = todayOf(deps.now());
  const window = windowDays(checks, query, today);
  const by = checks.oneOf("by", query.by, ["l2", "l3", "service"] as const, "l2");
  const customerId = checks.id("customerId", query.customerId);
  const serviceId = checks.service("serviceId", query.serviceId, deps.playbook.index);
  let curve: DwellAnswer["curve"] = [];
  let cohortTenants = 0;
  const totals = await reportTotals(
    deps,
    actor,
    { customerId: query.customerId, mine: query.mine },
    // The replica when one is set and fresh (docs/SCALING.md); a rebuild of the facts it cannot
    // write is read again on the primary.
    async (visibleTo, db) => {
      checks.done();
      const scope = { serviceId, customerId, visibleTo };
      const until = endOfDay(window.to);
      // History read in today's taxonomy, as compare and the flow read it.
      const map = await currentTaxonomyMap(deps);
      // The spell pieces hold the whole history: they answer a window that ends today.
      if (!query.rebuildFromHistory && window.to === today && (await ensureHistoryFacts(db, until))) {
        // The default window is the one the dwell durations keep (moved day by day); others sum pairs.
        const read = tallied(
          await factTallies(db, { ...scope, until }, window, by, map, {
            fromPieces: query.fromPieces,
            moveWindow: query.from === undefined,
          }),
        );
        curve = survivalCurve(read.cohort, curveDays);
        cohortTenants = read.cohortTenants;
        return dwellRows(historyLabels(deps, actor.language), read.groups, by);
      }
      const pieces = await blockedPieces(db, scope, until, map);
      curve = cohortSurvival(pieces, window, curveDays);
      cohortTenants = new Set(
        pieces
          .filter((piece) => piece.since >= window.from && piece.since <= window.to)
          .map((piece) => piece.tenantId),
      ).size;
      return dwellRows(historyLabels(deps, actor.language), piecesByGroup(pieces, window, by), by);
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

/** The dwell tallies for the whole portfolio where they answer, else the spell pieces in scope. */
async function factTallies(
  db: Db,
  scope: Parameters<typeof dwellTalliesFromFacts>[1],
  window: { from: string; to: string },
  by: DwellGrouping,
  map: Awaited<ReturnType<typeof currentTaxonomyMap>>,
  options: { fromPieces: boolean | undefined; moveWindow: boolean },
): Promise<DwellTallyRow[]> {
  const whole = scope.visibleTo?.kind === "all" && !scope.serviceId && !scope.customerId;
  if (whole && !options.fromPieces && (await ensureDwellTallies(db))) {
    const sums = await dwellTalliesFromSums(db, scope.until, window, by, map, options.moveWindow);
    if (sums) return sums;
  }
  return dwellTalliesFromFacts(db, scope, window, by, map);
}

/** A group's identity and its tallies, however they were read. */
interface DwellGroup {
  l2: string | null;
  l3: string | null;
  serviceId: string;
  tallies: DwellTallies;
}

function groupKey(by: DwellGrouping, group: { l2: string | null; l3: string | null; serviceId: string }) {
  return by === "service" ? group.serviceId : by === "l3" ? `${group.l2 ?? ""}/${group.l3 ?? ""}` : group.l2;
}

/** Pieces walked from history, grouped and tallied as the spell pieces' read tallies them. */
function piecesByGroup(
  pieces: readonly BlockedPieceRow[],
  window: { from: string; to: string },
  by: DwellGrouping,
): DwellGroup[] {
  const groups = new Map<string | null, BlockedPieceRow[]>();
  for (const piece of pieces) {
    const key = groupKey(by, piece) ?? "";
    const group = groups.get(key);
    if (group) group.push(piece);
    else groups.set(key, [piece]);
  }
  return [...groups.values()].map((group) => ({
    l2: group[0]!.l2,
    l3: group[0]!.l3,
    serviceId: group[0]!.serviceId,
    tallies: dwellTallies(group, window),
  }));
}

/** The rows of the spell pieces' read as groups with tallies, and the cohort's tenants. */
function tallied(rows: readonly DwellTallyRow[]): {
  groups: DwellGroup[];
  cohort: FollowedSeats[];
  cohortTenants: number;
} {
  const groups = new Map<string, DwellGroup>();
  const cohort: FollowedSeats[] = [];
  let cohortTenants = 0;
  for (const row of rows) {
    if (row.kind === "cohortTenants") {
      cohortTenants = row.seats;
      continue;
    }
    const key = row.key ?? "";
    let group = groups.get(key);
    if (!group) {
      group = {
        l2: row.l2,
        l3: row.l3,
        serviceId: row.serviceId ?? "",
        tallies: { open: [], unblocked: [], cohort: [], tenants: 0 },
      };
      groups.set(key, group);
    }
    const { tallies } = group;
    if (row.kind === "tenants") tallies.tenants = row.seats;
    else if (row.kind === "open") tallies.open.push({ value: row.days!, weight: row.seats });
    else if (row.kind === "unblocked") tallies.unblocked.push({ value: row.days!, weight: row.seats });
    else {
      const followed = { days: row.days!, seats: row.seats, ended: row.ended === true };
      tallies.cohort.push(followed);
      cohort.push(followed);
    }
  }
  return { groups: [...groups.values()], cohort, cohortTenants };
}

function dwellRows(
  label: ReturnType<typeof historyLabels>,
  groups: readonly DwellGroup[],
  by: DwellGrouping,
): DwellRow[] {
  const rows = groups.map((group): DwellRow => {
    const figures = dwellFromTallies(group.tallies);
    const l2 = by === "service" ? null : group.l2;
    const l3 = by === "l3" ? group.l3 : null;
    return {
      key: groupKey(by, { l2, l3, serviceId: group.serviceId }),
      l2,
      l2Name: by === "service" ? null : (label.l2("blocked", l2) ?? label.noL2()),
      l3,
      l3Name: by === "l3" ? (label.l3("blocked", l2, l3) ?? label.noL3()) : null,
      serviceId: by === "service" ? group.serviceId : null,
      serviceName: by === "service" ? label.service(group.serviceId) : null,
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
