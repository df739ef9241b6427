import { recentChanges } from "../../db/repositories/recent-change-repository.ts";
import type { StatusSnapshot } from "../../http/schemas/entitlements.ts";
import type { RecentChange } from "../../http/schemas/reports.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { FilterChecks } from "../list-filter-checks.ts";
import { reportRowScope } from "./report-totals.ts";

export interface RecentChangesFilter {
  serviceId?: string | undefined;
  customerId?: string | undefined;
  /** My portfolio: only the reader's own tenants. */
  mine?: boolean | undefined;
  /** 1..100, default 20. */
  limit?: number | undefined;
}

/**
 * The dashboard's "recent changes": who changed which entitlement's status,
 * when, from what to what, newest first, on the tenants the reader may see
 * row by row. Aggregate-only readers (Engineering) are refused: a change
 * names a customer.
 */
export async function getRecentChanges(
  deps: AppDeps,
  actor: Actor,
  filter: RecentChangesFilter = {},
): Promise<{ items: RecentChange[] }> {
  const visibleTo = reportRowScope(deps, actor, filter.mine);
  const checks = new FilterChecks();
  const customerId = checks.id("customerId", filter.customerId);
  const serviceId = checks.service("serviceId", filter.serviceId, deps.playbook.index);
  const limit = checks.limit(filter.limit, 20, 100);
  checks.done();
  const rows = await recentChanges(deps.database.db, { visibleTo, serviceId, customerId, limit });
  return {
    items: rows.map(({ actorName, actorRole, before, after, ...row }) => ({
      ...row,
      serviceName: deps.playbook.index.service(row.serviceId)?.name ?? row.serviceId,
      actor: { name: actorName, role: actorRole },
      stageBefore: before.stage,
      stageAfter: after.stage,
      before: segmentsOf(before),
      after: segmentsOf(after),
    })),
  };
}

function segmentsOf(snapshot: StatusSnapshot) {
  return (snapshot.segments ?? []).map((segment) => ({
    l1: segment.l1,
    l2: segment.l2 ?? null,
    l3: segment.l3 ?? null,
    seats: segment.seats,
  }));
}
