import { recentChanges } from "../../db/repositories/recent-change-repository.ts";
import { currentValueOf, type TaxonomyMapRow } from "../../domain/playbook/taxonomy-map.ts";
import type { StatusSnapshot } from "../../http/schemas/entitlements.ts";
import type { RecentChange } from "../../http/schemas/reports.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { FilterChecks } from "../list-filter-checks.ts";
import { currentTaxonomyMap } from "../playbook/current-taxonomy-map.ts";
import { historyLabels } from "./history-labels.ts";
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
 * names a customer. L2s and L3s read in today's taxonomy by the playbook
 * version each row was written under, so a remap shows as old -> new and
 * older rows name today's L2 (docs/PLAYBOOK-VERSIONS.md).
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
  const [rows, map] = await Promise.all([
    recentChanges(deps.database.db, { visibleTo, serviceId, customerId, limit }),
    currentTaxonomyMap(deps),
  ]);
  const label = historyLabels(deps, actor.language);
  return {
    items: rows.map(({ actorName, actorRole, before, after, playbookVersion, ...row }) => {
      const written = { map, version: playbookVersion, serviceId: row.serviceId };
      return {
        ...row,
        serviceName: label.service(row.serviceId),
        actor: { name: actorName, role: actorRole },
        stageBefore: before.stage,
        stageAfter: after.stage,
        before: segmentsOf(before, written),
        after: segmentsOf(after, written),
      };
    }),
  };
}

function segmentsOf(
  snapshot: StatusSnapshot,
  written: { map: readonly TaxonomyMapRow[]; version: string | null; serviceId: string },
) {
  return (snapshot.segments ?? []).map((segment) => ({
    l1: segment.l1,
    ...currentValueOf(written.map, {
      version: written.version,
      l1: segment.l1,
      l2: segment.l2 ?? null,
      l3: segment.l3 ?? null,
      serviceId: written.serviceId,
    }),
    seats: segment.seats,
  }));
}
