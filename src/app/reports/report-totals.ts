import type { Db } from "../../db/client.ts";
import { withoutSmallCells } from "../../domain/policy/small-cells.ts";
import { mineWithin, type TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { TotalsAnswer } from "../../http/schemas/reports.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { aggregateScopeOf, requireAllowed, rowScopeOf } from "../auth/authorize-actor.ts";
import { readOnReplica } from "../replica/replica-reads.ts";

/** A totals report as its reader may see it; the cells withheld are always counted (0 for most readers). */
export type ReportTotals<Row> = TotalsAnswer<Row> & { suppressedCells: number };

/**
 * Runs a totals report over the tenants the actor may total: its own for
 * field roles, all of them for Engineering, whose small cells are then
 * withheld so no single customer shows through. `run` reads `db`: the
 * replica when one is set and fresh enough, else the primary.
 */
export async function reportTotals<Row extends { tenants: number }>(
  deps: AppDeps,
  actor: Actor,
  filter: { customerId?: string | undefined; mine?: boolean | undefined },
  run: (visibleTo: TenantScope, db: Db) => Promise<Row[]>,
): Promise<ReportTotals<Row>> {
  requireAllowed(deps, actor, { type: "reports.read", rows: false, oneCustomer: !!filter.customerId });
  const visibleTo = narrowedToMine(aggregateScopeOf(deps, actor), actor, filter.mine);
  const read = await readOnReplica(deps, "report", (database) => run(visibleTo, database.db));
  const { rows, suppressed } = withoutSmallCells(actor.role, read);
  return { items: rows, suppressedCells: suppressed };
}

/**
 * The tenants a report listing single tenants' rows draws from; refuses
 * aggregate-only readers. `mine`: only the reader's own tenants.
 */
export function reportRowScope(deps: AppDeps, actor: Actor, mine?: boolean): TenantScope {
  requireAllowed(deps, actor, { type: "reports.read", rows: true });
  return narrowedToMine(rowScopeOf(deps, actor), actor, mine);
}

/** "My portfolio" asked for: the actor's own tenants within `scope` (the actor is checked by then). */
function narrowedToMine(scope: TenantScope, actor: Actor, mine: boolean | undefined): TenantScope {
  return mine && actor ? mineWithin(scope, actor.id) : scope;
}
