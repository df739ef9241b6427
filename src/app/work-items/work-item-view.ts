import type { WorkItemRow } from "../../db/repositories/work-item-repository.ts";
import { blockedSeatsOfItems, type SeatCount } from "../../db/repositories/work-item-seats-repository.ts";
import { type AppError, saidError } from "../../domain/app-error.ts";
import { withoutSmallCells } from "../../domain/policy/small-cells.ts";
import { workItemL1 } from "../../domain/work-items/work-item-fields.ts";
import type { WorkItem } from "../../http/schemas/work-items.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { aggregateScopeOf } from "../auth/authorize-actor.ts";
import { indexFor } from "../playbook/playbook-translations.ts";

/**
 * A seat count as `role` may see it: withheld (null) from aggregate-only
 * readers when it covers fewer than 5 tenants, the rule every report keeps.
 */
export function seatCountFor(
  role: string,
  count: SeatCount | undefined,
): { count: SeatCount | null; suppressed: boolean } {
  const cell = count ?? { seats: 0, tenants: 0 };
  const suppressed = withoutSmallCells(role, [cell]).suppressed > 0;
  return { count: suppressed ? null : { seats: cell.seats, tenants: cell.tenants }, suppressed };
}

/**
 * The playbook's names of an item's L2 and L3 in the reader's language, as
 * the reports name them (the ids when a later playbook dropped them).
 */
export function taxonomyNames(
  deps: AppDeps,
  reader: Pick<Actor, "language">,
  item: { l2: string; l3: string | null },
) {
  const index = indexFor(deps, reader);
  return {
    l2Name: index.l2(workItemL1, item.l2)?.name ?? item.l2,
    l3Name: item.l3 === null ? null : (index.l3(workItemL1, item.l2, item.l3)?.name ?? item.l3),
  };
}

/** A stored work item with its names and the Blocked seats it links to, as `actor` may see them. */
export function workItemView(
  deps: AppDeps,
  actor: Actor,
  row: WorkItemRow,
  blocked: SeatCount | undefined,
): WorkItem {
  const shown = seatCountFor(actor.role, blocked);
  return { ...row, ...taxonomyNames(deps, actor, row), blocked: shown.count, suppressed: shown.suppressed };
}

/** A work item as `actor` sees it, its seats counted now over the tenants they total. */
export async function workItemWithSeats(deps: AppDeps, actor: Actor, row: WorkItemRow): Promise<WorkItem> {
  const counts = await blockedSeatsOfItems(deps.database.db, [row.id], aggregateScopeOf(deps, actor));
  return workItemView(deps, actor, row, counts.get(row.id));
}

/** The 409 of a change made on another version: the current item comes with it. */
export async function workItemConflict(
  deps: AppDeps,
  actor: Actor,
  current: WorkItemRow,
  edited: number,
): Promise<AppError> {
  return saidError(
    "version_conflict",
    "work_item_changed",
    { current: current.version, edited },
    { detail: { current: await workItemWithSeats(deps, actor, current) } },
  );
}

export function workItemNotFound(id: string): AppError {
  return saidError("not_found", "no_work_item", { id }, { detail: { workItemId: id } });
}
