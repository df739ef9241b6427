import type { Db } from "../../db/client.ts";
import { blockedSeatsByWeek } from "../../db/repositories/blocked-trend-repository.ts";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { BlockedWeek } from "../../http/schemas/reports.ts";
import { type Actor, type AppDeps, todayOf } from "../app-deps.ts";
import { asOfDay } from "../as-of-checks.ts";
import { FilterChecks } from "../list-filter-checks.ts";
import { type ReportTotals, reportTotals } from "./report-totals.ts";

export interface BlockedOverTimeFilter {
  serviceId?: string;
  customerId?: string;
  /** Weeks back from today (1..156, default 52). */
  weeks?: number;
  today?: string;
  /** The last week is the one holding this day (YYYY-MM-DD): the chart as it stood then. */
  asOf?: string;
  /** My portfolio: only the reader's own tenants. */
  mine?: boolean | undefined;
}

/** Weekly Blocked seats over the past year (by default), from the status history. */
export function getBlockedOverTime(
  deps: AppDeps,
  actor: Actor,
  filter: BlockedOverTimeFilter = {},
): Promise<ReportTotals<BlockedWeek>> {
  return reportTotals(deps, actor, filter, (visibleTo, db) => blockedWeeks(deps, db, filter, visibleTo));
}

async function blockedWeeks(
  deps: AppDeps,
  db: Db,
  filter: BlockedOverTimeFilter,
  visibleTo: TenantScope,
): Promise<BlockedWeek[]> {
  const checks = new FilterChecks();
  const customerId = checks.id("customerId", filter.customerId);
  const currentDay = todayOf(deps.now());
  const today = checks.date("today", filter.today) ?? asOfDay(checks, filter.asOf, currentDay) ?? currentDay;
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
  const from = new Date(`${today}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - 7 * (weeks - 1));
  return blockedSeatsByWeek(db, {
    from: from.toISOString().slice(0, 10),
    to: today,
    serviceId,
    customerId,
    visibleTo,
  });
}
