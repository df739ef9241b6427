import { changedBetween, type StatusPairRow } from "../../db/repositories/history-report-repository.ts";
import { endOfDay } from "../../domain/history/as-of-day.ts";
import { type StatusChange, statusChanges } from "../../domain/history/status-changes.ts";
import type {
  CompareAnswer,
  CompareGroup,
  CompareQuery,
  StatusChangeRow,
} from "../../http/schemas/history-reports.ts";
import { type Actor, type AppDeps, todayOf } from "../app-deps.ts";
import { requiredDay } from "../as-of-checks.ts";
import { FilterChecks } from "../list-filter-checks.ts";
import { currentTaxonomyMap } from "../playbook/current-taxonomy-map.ts";
import { readOnReplica } from "../replica/replica-reads.ts";
import { historyLabels } from "./history-labels.ts";
import { reportRowScope } from "./report-totals.ts";

/** Changes listed in one answer; the totals count every change. */
const changeLimit = 2000;

/**
 * What changed in the actor's portfolio between the end of `from` and the end
 * of `to` (UTC days): seats newly Blocked, unblocked (to what), moved between
 * Blocked reasons, and target dates moved, grouped by owner and service. It
 * names customers and tenants, so aggregate-only readers (Engineering) are
 * refused, as for every report of single tenants' rows.
 */
export async function comparePortfolio(
  deps: AppDeps,
  actor: Actor,
  query: Partial<CompareQuery>,
): Promise<CompareAnswer> {
  const visibleTo = reportRowScope(deps, actor, query.mine);
  const checks = new FilterChecks();
  const currentDay = todayOf(deps.now());
  const from = requiredDay(checks, query.from, currentDay, "from");
  const to = requiredDay(checks, query.to, currentDay, "to");
  if (from && to && from >= to) {
    checks.violations.push({
      field: "from",
      code: "from_not_before_to",
      message: `${from} is not before ${to}.`,
    });
  }
  const customerId = checks.id("customerId", query.customerId);
  const serviceId = checks.service("serviceId", query.serviceId, deps.playbook.index);
  checks.done();
  // Today's L2s at both ends: a renamed L2 is no move (docs/PLAYBOOK-VERSIONS.md).
  const taxonomy = await currentTaxonomyMap(deps);
  const rows = await readOnReplica(deps, "report", (database) =>
    changedBetween(
      database.db,
      { serviceId, customerId, visibleTo },
      { from: endOfDay(from!), to: endOfDay(to!) },
      taxonomy,
    ),
  );
  const label = historyLabels(deps, actor.language);
  const changes = rows.flatMap((row) =>
    statusChanges(row.before?.segments ?? [], row.after.segments).map((change) =>
      changeRow(label, row, change),
    ),
  );
  return {
    from: from!,
    to: to!,
    totals: {
      ...totalsOf(changes.map(({ row }) => row)),
      entitlements: new Set(changes.map(({ row }) => row.entitlementId)).size,
    },
    groups: groupsOf(label, changes.slice(0, changeLimit)),
    truncated: changes.length > changeLimit,
  };
}

type Labels = ReturnType<typeof historyLabels>;

function changeRow(label: Labels, row: StatusPairRow, change: StatusChange) {
  const named: StatusChangeRow = {
    kind: change.kind,
    entitlementId: row.entitlementId,
    customerId: row.customerId,
    customerName: row.customerName,
    tenantId: row.tenantId,
    tenantName: row.tenantName,
    serviceId: row.serviceId,
    seats: change.seats,
    fromL1: change.fromL1,
    fromL1Name: label.l1(change.fromL1),
    fromL2: change.fromL2,
    fromL2Name: label.l2(change.fromL1, change.fromL2),
    toL1: change.toL1,
    toL1Name: label.l1(change.toL1),
    toL2: change.toL2,
    toL2Name: label.l2(change.toL1, change.toL2),
    fromTargetDate: change.fromTargetDate,
    toTargetDate: change.toTargetDate,
  };
  return { owner: change.owner?.trim() || null, row: named };
}

function totalsOf(changes: readonly StatusChangeRow[]) {
  const seatsOf = (kind: StatusChangeRow["kind"]) =>
    changes.filter((change) => change.kind === kind).reduce((sum, change) => sum + change.seats, 0);
  return {
    newlyBlockedSeats: seatsOf("newly_blocked"),
    unblockedSeats: seatsOf("unblocked"),
    movedSeats: seatsOf("moved_l2"),
    targetsMoved: changes.filter((change) => change.kind === "target_moved").length,
  };
}

/** Groups by owner, then service; owners A to Z with "no owner" last, the services of each A to Z. */
function groupsOf(label: Labels, changes: { owner: string | null; row: StatusChangeRow }[]): CompareGroup[] {
  const groups = new Map<string, { owner: string | null; serviceId: string; rows: StatusChangeRow[] }>();
  for (const { owner, row } of changes) {
    const key = `${owner ?? ""}\u0000${row.serviceId}`;
    const group = groups.get(key) ?? { owner, serviceId: row.serviceId, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort(
      (a, b) =>
        Number(a.owner === null) - Number(b.owner === null) ||
        (a.owner ?? "").localeCompare(b.owner ?? "") ||
        a.serviceId.localeCompare(b.serviceId),
    )
    .map((group) => ({
      owner: group.owner,
      serviceId: group.serviceId,
      serviceName: label.service(group.serviceId),
      ...totalsOf(group.rows),
      changes: group.rows,
    }));
}
