import { listWorkItemRows } from "../../db/repositories/work-item-repository.ts";
import { blockedSeatsOfItems } from "../../db/repositories/work-item-seats-repository.ts";
import { saidViolation } from "../../domain/app-error.ts";
import { workItemL1, workItemStates } from "../../domain/work-items/work-item-fields.ts";
import type { WorkItemList, WorkItemListQuery } from "../../http/schemas/work-items.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { aggregateScopeOf, requireActor, requireAllowed } from "../auth/authorize-actor.ts";
import { FilterChecks } from "../list-filter-checks.ts";
import { workItemView } from "./work-item-view.ts";

/**
 * The roadmap: every work item, each with the seats Blocked now with its
 * L2/L3 (and services) at how many tenants, counted over the tenants the
 * reader totals (their own for field roles, all for Engineering, whose
 * counts under 5 tenants are withheld). Anyone who reads reports reads it.
 */
export async function listWorkItems(
  deps: AppDeps,
  actor: Actor,
  query: WorkItemListQuery = {},
): Promise<WorkItemList> {
  requireAllowed(deps, requireActor(deps, actor), { type: "reports.read", rows: false });
  const checks = new FilterChecks();
  const state =
    query.state === undefined ? null : checks.oneOf("state", query.state, workItemStates, "proposed");
  const l2Text = query.l2?.trim();
  const l2 = l2Text ? (deps.playbook.index.findL2(workItemL1, l2Text)?.id ?? null) : null;
  if (l2Text && !l2) {
    checks.violations.push(
      saidViolation("l2", "l2_unknown", "work_item_l2_unknown", { value: l2Text.slice(0, 100) }),
    );
  }
  checks.done();
  const db = deps.database.db;
  const rows = await listWorkItemRows(db, { state, l2, externalUrl: query.externalUrl?.trim() || null });
  const counts = await blockedSeatsOfItems(
    db,
    rows.map((row) => row.id),
    aggregateScopeOf(deps, actor),
  );
  const items = rows.map((row) => workItemView(deps, actor, row, counts.get(row.id)));
  return { items, suppressedCells: items.filter((item) => item.suppressed).length };
}
