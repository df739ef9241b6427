import {
  type AsOfEntitlementQuery,
  type AsOfSnapshot,
  countMatchingAsOf,
  pageEntitlementIdsAsOf,
  snapshotsAsOf,
} from "../../db/repositories/as-of-list-repository.ts";
import { entitlementCountLimit } from "../../db/repositories/entitlement-list-repository.ts";
import { loadEntitlementViewsJson } from "../../db/repositories/entitlement-repository.ts";
import { blockedSeatsOf } from "../../db/sql/entitlement-view.ts";
import { endOfDay } from "../../domain/history/as-of-day.ts";
import type { Violation } from "../../domain/violation.ts";
import type { EntitlementView } from "../../http/schemas/entitlements.ts";
import { type Actor, type AppDeps, todayOf } from "../app-deps.ts";
import { asOfDay } from "../as-of-checks.ts";
import { listScopeOf } from "../auth/authorize-actor.ts";
import { FilterChecks } from "../list-filter-checks.ts";
import { countEntitlements } from "./count-entitlements.ts";
import { type EntitlementFilter, entitlementQueryOf, listEntitlementsAsJson } from "./list-entitlements.ts";

export type AsOfFilter = EntitlementFilter & { asOf?: string };

/**
 * One page of the portfolio list as it stood at the end of the `asOf` day
 * (UTC), rebuilt from the status history (docs/HISTORY.md): the same filters,
 * sorts, scope and refusals as today's list, each view carrying the status,
 * seats, stage and version of then. Names and usage are today's. Without an
 * as-of day, or with today's, the caller's current list answers instead.
 */
export async function listEntitlementsAsOf(
  deps: AppDeps,
  actor: Actor,
  filter: AsOfFilter,
): Promise<{ items: string[]; nextCursor: string | null }> {
  const query = asOfQueryOf(deps, actor, filter);
  if (!query) return listEntitlementsAsJson(deps, actor, withoutAsOf(filter));
  const db = deps.database.db;
  const page = await pageEntitlementIdsAsOf(db, query);
  const [views, snapshots] = await Promise.all([
    loadEntitlementViewsJson(db, page.ids),
    snapshotsAsOf(db, page.ids, query.asOf),
  ]);
  const byId = new Map(snapshots.map((snapshot) => [snapshot.entitlementId, snapshot]));
  const items = views.map((text) => {
    const view = JSON.parse(text) as EntitlementView;
    const snapshot = byId.get(view.id);
    return JSON.stringify(snapshot ? viewAsOf(view, snapshot, query.asOf) : view);
  });
  return { items, nextCursor: page.nextCursor };
}

/** How many entitlements matched as of the day: the as-of list's "1,284 entitlements". */
export async function countEntitlementsAsOf(
  deps: AppDeps,
  actor: Actor,
  filter: Omit<AsOfFilter, "limit" | "cursor">,
): Promise<{ count: number; exact: boolean }> {
  const query = asOfQueryOf(deps, actor, filter);
  if (!query) return countEntitlements(deps, actor, withoutAsOf(filter));
  return countMatchingAsOf(deps.database.db, query, entitlementCountLimit);
}

function withoutAsOf<Filter extends AsOfFilter>(filter: Filter): Omit<Filter, "asOf"> {
  const { asOf: _, ...rest } = filter;
  return rest;
}

/**
 * The list's filter checked (as today's list checks it) plus the as-of day
 * and what history cannot answer; null without a day or for today, which the
 * current list answers.
 */
export function asOfQueryOf(deps: AppDeps, actor: Actor, filter: AsOfFilter): AsOfEntitlementQuery | null {
  const visibleTo = listScopeOf(deps, actor, filter.mine);
  const checks = new FilterChecks();
  const currentDay = todayOf(deps.now());
  const day = asOfDay(checks, filter.asOf, currentDay);
  if (checks.violations.length === 0 && (day === null || day === currentDay)) {
    checks.done();
    return null;
  }
  checks.violations.push(...withoutHistory(filter));
  checks.done();
  const query = entitlementQueryOf(deps, filter, visibleTo);
  // Overdue as of a day means a next action date before that day.
  return { ...query, today: day!, asOf: endOfDay(day!) };
}

/** Filters on what the history does not keep (usage, the resplit mark): refused, naming each. */
function withoutHistory(filter: AsOfFilter): Violation[] {
  const fields: [keyof AsOfFilter, boolean][] = [
    ["usageShareMin", filter.usageShareMin !== undefined],
    ["usageShareMax", filter.usageShareMax !== undefined],
    ["contradiction", filter.contradiction !== undefined && filter.contradiction !== ""],
    ["resplitNeeded", filter.resplitNeeded === true],
    ["sort", filter.sort === "usage_share"],
  ];
  return fields
    .filter(([, given]) => given)
    .map(([field]) => ({
      field,
      code: "not_kept_in_history",
      message: `${field === "sort" ? "Sorting by usage share" : `The ${field} filter`} is not available as of a past day: usage is not kept in the status history.`,
    }));
}

/** Today's view with the status of then: version, stage, seats, segments, when it was last changed. */
export function viewAsOf(view: EntitlementView, snapshot: AsOfSnapshot, asOf: string): EntitlementView {
  const { after } = snapshot;
  return {
    ...view,
    version: snapshot.version,
    stage: after.stage,
    availableSeats: after.availableSeats,
    updatedAt: snapshot.at,
    blockedSeats: blockedSeatsOf(after.segments),
    segments: after.segments,
    endedAt: view.endedAt !== null && view.endedAt < asOf ? view.endedAt : null,
    resplitNeeded: false,
  };
}
