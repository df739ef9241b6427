import {
  type EntitlementQuery,
  type EntitlementSort,
  endedFilters,
  entitlementSorts,
  pageEntitlementIds,
} from "../../db/repositories/entitlement-list-repository.ts";
import { loadEntitlementViewsJson } from "../../db/repositories/entitlement-repository.ts";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import { contradictionKinds } from "../../domain/usage/assess-usage.ts";
import type { EntitlementView } from "../../http/schemas/entitlements.ts";
import { type Actor, type AppDeps, todayOf } from "../app-deps.ts";
import { listScopeOf } from "../auth/authorize-actor.ts";
import { FilterChecks, listOf, textOf } from "../list-filter-checks.ts";
import { taxonomyFilterOf } from "./taxonomy-filter.ts";

export type { EntitlementSort } from "../../db/repositories/entitlement-list-repository.ts";

type OneOrMany = string | string[];

export interface EntitlementFilter {
  l1?: OneOrMany;
  l2?: OneOrMany;
  l3?: OneOrMany;
  serviceId?: OneOrMany;
  /**
   * Owner of a segment, case aside: a person by user id or email, a team by
   * role id or name, or owner text ("Account Team", "delivery_fm", "ana@x.test").
   */
  owner?: OneOrMany;
  /** Some segment's owner is text that resolved to no person or team. */
  ownerUnresolved?: boolean;
  stage?: OneOrMany;
  /** Some segment's target date on or after this date (YYYY-MM-DD). */
  targetFrom?: string;
  /** Some segment's target date on or before this date. */
  targetTo?: string;
  /** Some segment (of the L1 filtered for) has been in its L1 at least / at most this many days. */
  l1DaysMin?: number;
  l1DaysMax?: number;
  /** Some segment's next action date is before today. */
  overdue?: boolean;
  /** Free text over customer and tenant names and notes. */
  q?: string;
  customerId?: string;
  tenantId?: string;
  sort?: EntitlementSort;
  order?: "asc" | "desc";
  /** 1..500, default 50. */
  limit?: number;
  /** The nextCursor of the previous page. */
  cursor?: string;
  /** Newest usage point's active seats, in percent of the available seats: at least / at most. */
  usageShareMin?: number;
  usageShareMax?: number;
  /** Statuses usage contradicts (docs/USAGE.md): "any" or one kind. */
  contradiction?: string;
  /** Ended entitlements: "exclude" (default), "include" or "only". */
  ended?: string;
  /** Only split statuses a seat change left not adding up to the seats. */
  resplitNeeded?: boolean;
  /** My portfolio: only tenants the actor is assigned to or owns a segment in. */
  mine?: boolean;
}

/** Sorts where the biggest or newest matters most start from the top unless told otherwise. */
const defaultOrder: Record<EntitlementSort, "asc" | "desc"> = {
  updated: "desc",
  target_date: "asc",
  next_action_date: "asc",
  customer: "asc",
  blocked_seats: "desc",
  usage_share: "desc",
};

/**
 * One page of the entitlements the actor may see matching the filter, in a
 * stable order (sort key, then id), with the cursor of the next page or null
 * on the last one. Two queries whatever the page size: the page's ids, then
 * their views. Engineering, which never reads a tenant's rows, is refused.
 */
export async function listEntitlements(
  deps: AppDeps,
  actor: Actor,
  filter: EntitlementFilter = {},
): Promise<{ items: EntitlementView[]; nextCursor: string | null }> {
  const page = await listEntitlementsAsJson(deps, actor, filter);
  return {
    items: page.items.map((text) => JSON.parse(text) as EntitlementView),
    nextCursor: page.nextCursor,
  };
}

/**
 * The same page with each view as JSON text, as PostgreSQL built it: the
 * API sends these on without parsing and re-serialising fifty views per page,
 * which was most of a list request's time outside the database.
 */
export async function listEntitlementsAsJson(
  deps: AppDeps,
  actor: Actor,
  filter: EntitlementFilter = {},
): Promise<{ items: string[]; nextCursor: string | null }> {
  const query = entitlementQueryOf(deps, filter, listScopeOf(deps, actor, filter.mine));
  const db = deps.database.db;
  const page = await pageEntitlementIds(db, query);
  return { items: await loadEntitlementViewsJson(db, page.ids), nextCursor: page.nextCursor };
}

/**
 * The filter checked and in the repository's terms, over the tenants
 * `visibleTo` (the caller works it out from the actor); validation_failed
 * with every problem otherwise.
 */
export function entitlementQueryOf(
  deps: AppDeps,
  filter: EntitlementFilter,
  visibleTo: TenantScope,
): EntitlementQuery {
  const checks = new FilterChecks();
  const sort = checks.oneOf("sort", filter.sort, entitlementSorts, "updated");
  const order = checks.oneOf("order", filter.order, ["asc", "desc"] as const, defaultOrder[sort]);
  const query = {
    ...taxonomyFilterOf(deps.playbook.index, checks, {
      l1: listOf(filter.l1),
      l2: listOf(filter.l2),
      l3: listOf(filter.l3),
      serviceId: listOf(filter.serviceId),
    }),
    owner: listOf(filter.owner),
    ownerUnresolved: filter.ownerUnresolved === true,
    stage: listOf(filter.stage),
    targetFrom: checks.date("targetFrom", filter.targetFrom),
    targetTo: checks.date("targetTo", filter.targetTo),
    ...l1DaysFilterOf(checks, filter),
    overdue: filter.overdue === true,
    today: todayOf(deps.now()),
    q: textOf(filter.q),
    customerId: checks.id("customerId", filter.customerId),
    tenantId: checks.id("tenantId", filter.tenantId),
    sort,
    order,
    limit: checks.limit(filter.limit),
    cursor: filter.cursor || undefined,
    visibleTo,
    ...usageFilterOf(deps, checks, filter),
    ended: checks.oneOf("ended", filter.ended, endedFilters, "exclude"),
    resplitNeeded: filter.resplitNeeded === true,
  };
  checks.done();
  return query;
}

/** Days in the L1: whole numbers from 0, the least not above the most. */
function l1DaysFilterOf(checks: FilterChecks, filter: EntitlementFilter) {
  const days = (field: "l1DaysMin" | "l1DaysMax"): number | null => {
    const value = filter[field];
    if (value === undefined) return null;
    if (Number.isInteger(value) && value >= 0) return value;
    checks.violations.push({ field, code: "days_invalid", message: "Days must be a whole number from 0." });
    return null;
  };
  const l1DaysMin = days("l1DaysMin");
  const l1DaysMax = days("l1DaysMax");
  if (l1DaysMin !== null && l1DaysMax !== null && l1DaysMin > l1DaysMax) {
    checks.violations.push({
      field: "l1DaysMin",
      code: "days_range_invalid",
      message: `The fewest days in the L1 (${l1DaysMin}) are more than the most (${l1DaysMax}).`,
    });
  }
  return { l1DaysMin, l1DaysMax };
}

/** The usage filters checked: share bounds in percent (0 or more, min not above max), a contradiction kind. */
function usageFilterOf(deps: AppDeps, checks: FilterChecks, filter: EntitlementFilter) {
  const usageShareMin = checks.percent("usageShareMin", filter.usageShareMin);
  const usageShareMax = checks.percent("usageShareMax", filter.usageShareMax);
  if (usageShareMin !== null && usageShareMax !== null && usageShareMin > usageShareMax) {
    checks.violations.push({
      field: "usageShareMin",
      code: "usage_share_range_invalid",
      message: `The lowest usage share (${usageShareMin}) is above the highest (${usageShareMax}).`,
    });
  }
  const contradiction =
    filter.contradiction === undefined || filter.contradiction === ""
      ? null
      : checks.oneOf("contradiction", filter.contradiction, ["any", ...contradictionKinds] as const, "any");
  return { usageShareMin, usageShareMax, contradiction, usageRules: deps.playbook.index.playbook.usage };
}
