import { blockedByL2Weekly } from "../../db/repositories/history-report-repository.ts";
import { addDays } from "../../domain/history/as-of-day.ts";
import type { L2Week } from "../../http/schemas/history-reports.ts";
import { type Actor, type AppDeps, todayOf } from "../app-deps.ts";
import { asOfDay } from "../as-of-checks.ts";
import { FilterChecks } from "../list-filter-checks.ts";
import { currentTaxonomyMap } from "../playbook/current-taxonomy-map.ts";
import type { BlockedOverTimeFilter } from "./blocked-over-time.ts";
import { historyLabels } from "./history-labels.ts";
import { type ReportTotals, reportTotals } from "./report-totals.ts";

/**
 * Blocked seats at the end of each week per L2 (the stacked version of
 * "Blocked seats over time"), rebuilt from the status history: the same
 * weeks, filters and as-of day. Each (week, L2) cell is a cell for small-cell
 * suppression. In the current taxonomy (the default) history written under an
 * earlier playbook version counts under today's L2, so a renamed L2 is one
 * line (docs/PLAYBOOK-VERSIONS.md); `taxonomy: "recorded"` shows the ids as written.
 */
export function getBlockedOverTimeByL2(
  deps: AppDeps,
  actor: Actor,
  filter: BlockedOverTimeFilter & { taxonomy?: "current" | "recorded" | undefined } = {},
): Promise<ReportTotals<L2Week>> {
  return reportTotals(deps, actor, filter, async (visibleTo, db) => {
    const checks = new FilterChecks();
    const customerId = checks.id("customerId", filter.customerId);
    const currentDay = todayOf(deps.now());
    const today =
      checks.date("today", filter.today) ?? asOfDay(checks, filter.asOf, currentDay) ?? currentDay;
    const weeks = filter.weeks ?? 52;
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > 156) {
      checks.violations.push({
        field: "weeks",
        code: "weeks_out_of_range",
        message: "The number of weeks must be a whole number from 1 to 156.",
      });
    }
    const serviceId = checks.service("serviceId", filter.serviceId, deps.playbook.index);
    checks.done();
    const rows = await blockedByL2Weekly(
      db,
      { serviceId, customerId, visibleTo },
      { from: addDays(today, -7 * (weeks - 1)), to: today },
      filter.taxonomy === "recorded" ? [] : await currentTaxonomyMap(deps),
    );
    const label = historyLabels(deps, actor.language);
    return rows.map((row) => ({ ...row, l2Name: label.l2("blocked", row.l2) ?? label.noL2() }));
  });
}
