import type { ReportScope } from "../../db/repositories/report-repository.ts";
import { endOfDay } from "../../domain/history/as-of-day.ts";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import { type AppDeps, todayOf } from "../app-deps.ts";
import { asOfDay } from "../as-of-checks.ts";
import { FilterChecks } from "../list-filter-checks.ts";
import { cachedTaxonomyMap } from "../playbook/current-taxonomy-map.ts";

/** Filters every report accepts. */
export interface ReportFilter {
  serviceId?: string;
  customerId?: string;
  /** The day the report counts days to (YYYY-MM-DD); default the as-of day, else today by the app clock. */
  today?: string;
  /**
   * The portfolio as it stood at the end of this UTC day (YYYY-MM-DD), rebuilt
   * from the status history; today or absent: the current statuses.
   */
  asOf?: string;
  /** My portfolio: only the reader's own tenants (reportTotals and reportRowScope narrow the scope). */
  mine?: boolean | undefined;
}

/**
 * L1s that leave all reporting: Duplicate/Invalid seats are duplicates or not
 * genuine (playbook b.0). The playbook has no flag for this yet, so the id is
 * named here; an L1 a custom playbook does not define is simply never stored.
 */
export const excludedFromReporting = ["duplicate_invalid"] as const;

/**
 * Checks a report filter and turns it into the repository's scope over the
 * tenants `visibleTo` (from the actor); validation_failed on bad ids or dates.
 */
export function reportScope(
  deps: AppDeps,
  filter: ReportFilter,
  visibleTo: TenantScope,
  checks = new FilterChecks(),
): ReportScope {
  const customerId = checks.id("customerId", filter.customerId);
  const currentDay = todayOf(deps.now());
  const asOf = asOfDay(checks, filter.asOf, currentDay);
  const today = checks.date("today", filter.today) ?? asOf ?? currentDay;
  const serviceId = checks.service("serviceId", filter.serviceId, deps.playbook.index);
  checks.done();
  return {
    serviceId,
    customerId,
    excludedL1s: excludedFromReporting,
    today,
    currentDay,
    visibleTo,
    asOf: asOf === null || asOf === currentDay ? null : endOfDay(asOf),
    // A past day's statuses read in today's L2s and L3s (docs/PLAYBOOK-VERSIONS.md).
    taxonomyMap: cachedTaxonomyMap(deps),
  };
}
