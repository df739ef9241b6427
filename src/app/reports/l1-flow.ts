import { changedBetween, unchangedSeats } from "../../db/repositories/history-report-repository.ts";
import { addDays, endOfDay } from "../../domain/history/as-of-day.ts";
import { l1Moves } from "../../domain/history/status-changes.ts";
import type { FlowAnswer, FlowRow } from "../../http/schemas/history-reports.ts";
import { type Actor, type AppDeps, todayOf } from "../app-deps.ts";
import { windowDays } from "../as-of-checks.ts";
import { FilterChecks } from "../list-filter-checks.ts";
import { currentTaxonomyMap } from "../playbook/current-taxonomy-map.ts";
import { historyLabels } from "./history-labels.ts";
import { reportTotals } from "./report-totals.ts";

export interface FlowQuery {
  from?: string;
  to?: string;
  serviceId?: string;
  customerId?: string;
  /** My portfolio: only the reader's own tenants. */
  mine?: boolean | undefined;
}

/**
 * Where seats went between L1s over a window of UTC days (default the last
 * 90): each seat counted once, from its L1 at the end of the day before the
 * window to its L1 at the end of the window, seats that kept their L1
 * included (the table's diagonal). "(no status)" is where seats of a first
 * status came from, or where seats went when there were fewer of them.
 * Engineering sees it in aggregate with small cells withheld.
 */
export async function getL1Flow(deps: AppDeps, actor: Actor, query: FlowQuery = {}): Promise<FlowAnswer> {
  const checks = new FilterChecks();
  const window = windowDays(checks, query, todayOf(deps.now()));
  const customerId = checks.id("customerId", query.customerId);
  const serviceId = checks.service("serviceId", query.serviceId, deps.playbook.index);
  const totals = await reportTotals(
    deps,
    actor,
    { customerId: query.customerId, mine: query.mine },
    async (visibleTo, db) => {
      checks.done();
      const scope = { serviceId, customerId, visibleTo };
      // The state "at the start" is the one at the end of the day before the window.
      const instants = { from: endOfDay(addDays(window.from, -1)), to: endOfDay(window.to) };
      const [changed, unchanged] = await Promise.all([
        // Seats stay matched by today's L2 across a rename (docs/PLAYBOOK-VERSIONS.md).
        changedBetween(db, scope, instants, await currentTaxonomyMap(deps)),
        unchangedSeats(db, scope, instants),
      ]);
      const cells = new Map<
        string,
        { fromL1: string | null; toL1: string | null; seats: number; tenants: Set<string> }
      >();
      const add = (fromL1: string | null, toL1: string | null, seats: number, tenantId: string) => {
        const key = `${fromL1 ?? ""}\u0000${toL1 ?? ""}`;
        const cell = cells.get(key) ?? { fromL1, toL1, seats: 0, tenants: new Set<string>() };
        cell.seats += seats;
        cell.tenants.add(tenantId);
        cells.set(key, cell);
      };
      for (const row of changed) {
        for (const move of l1Moves(row.before?.segments ?? [], row.after.segments)) {
          add(move.fromL1, move.toL1, move.seats, row.tenantId);
        }
      }
      for (const row of unchanged) add(row.l1, row.l1, row.seats, row.tenantId);
      return flowRows(deps, actor, [...cells.values()]);
    },
  );
  return { ...window, ...totals };
}

function flowRows(
  deps: AppDeps,
  actor: Actor,
  cells: { fromL1: string | null; toL1: string | null; seats: number; tenants: Set<string> }[],
): FlowRow[] {
  const label = historyLabels(deps, actor.language);
  const order = new Map(deps.playbook.index.playbook.l1s.map((l1, position) => [l1.id, position]));
  const rank = (l1: string | null) => (l1 === null ? -1 : (order.get(l1) ?? order.size));
  return cells
    .filter((cell) => cell.seats > 0)
    .sort((a, b) => rank(a.fromL1) - rank(b.fromL1) || rank(a.toL1) - rank(b.toL1))
    .map((cell) => ({
      fromL1: cell.fromL1,
      fromL1Name: label.l1(cell.fromL1),
      toL1: cell.toL1,
      toL1Name: label.l1(cell.toL1),
      seats: cell.seats,
      tenants: cell.tenants.size,
    }));
}
