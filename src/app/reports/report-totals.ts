import { withoutSmallCells } from "../../domain/policy/small-cells.ts";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { TotalsAnswer } from "../../http/schemas/reports.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { aggregateScopeOf, requireAllowed, rowScopeOf } from "../auth/authorize-actor.ts";

/** A totals report as its reader may see it; the cells withheld are always counted (0 for most readers). */
export type ReportTotals<Row> = TotalsAnswer<Row> & { suppressedCells: number };

/**
 * Runs a totals report over the tenants the actor may total: its own for
 * field roles, all of them for Engineering, whose small cells are then
 * withheld so no single customer shows through.
 */
export async function reportTotals<Row extends { tenants: number }>(
  deps: AppDeps,
  actor: Actor,
  filter: { customerId?: string | undefined },
  run: (visibleTo: TenantScope) => Promise<Row[]>,
): Promise<ReportTotals<Row>> {
  requireAllowed(deps, actor, { type: "reports.read", rows: false, oneCustomer: !!filter.customerId });
  const { rows, suppressed } = withoutSmallCells(actor.role, await run(aggregateScopeOf(deps, actor)));
  return { items: rows, suppressedCells: suppressed };
}

/** The tenants a report listing single tenants' rows draws from; refuses aggregate-only readers. */
export function reportRowScope(deps: AppDeps, actor: Actor): TenantScope {
  requireAllowed(deps, actor, { type: "reports.read", rows: true });
  return rowScopeOf(deps, actor);
}
