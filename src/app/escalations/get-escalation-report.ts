import { escalationFigures } from "../../db/repositories/escalation-report-repository.ts";
import { groupsOf } from "../../db/repositories/resolver-group-repository.ts";
import type { EscalationReport } from "../../http/schemas/escalations.ts";
import { type Actor, type AppDeps, todayOf } from "../app-deps.ts";
import { requireActor } from "../auth/authorize-actor.ts";
import { indexFor } from "../playbook/playbook-translations.ts";
import { reportTotals } from "../reports/report-totals.ts";

/**
 * Open escalations by group and L2 (with how many are overdue), the states'
 * counts and the median times to acknowledge and to resolve, over the
 * escalations the actor may total: its tenants' and its groups' (every one
 * for Admins, Team Leads and Engineering, whose cells of few tenants are
 * withheld as in every report).
 */
export async function getEscalationReport(
  deps: AppDeps,
  actor: Actor,
  filter: { group?: string | undefined } = {},
): Promise<EscalationReport> {
  requireActor(deps, actor);
  const db = deps.database.db;
  const memberOf = await groupsOf(db, actor.id);
  let figures: Awaited<ReturnType<typeof escalationFigures>> | undefined;
  const totals = await reportTotals(deps, actor, {}, async (scope, reportDb) => {
    figures = await escalationFigures(reportDb, {
      scope,
      memberOf,
      today: todayOf(deps.now()),
      group: filter.group,
    });
    return figures.open;
  });
  const found = figures!;
  // The L2s by their names in the reader's language.
  const index = indexFor(deps, actor);
  return {
    open: totals.items.map((cell) => ({ ...cell, l2Name: index.l2(cell.l1, cell.l2)?.name ?? cell.l2 })),
    suppressedCells: totals.suppressedCells,
    states: found.states,
    timeToAcknowledge: found.timeToAcknowledge,
    timeToResolve: found.timeToResolve,
  };
}
