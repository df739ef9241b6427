import type { Db } from "../../db/client.ts";
import { findWorkItem, updateWorkItemFields } from "../../db/repositories/work-item-repository.ts";
import { saidError, saidViolation } from "../../domain/app-error.ts";
import { checkWorkItemFields } from "../../domain/work-items/work-item-fields.ts";
import type { UpdateWorkItemBody, WorkItem } from "../../http/schemas/work-items.ts";
import type { AppDeps } from "../app-deps.ts";
import { recordAudit, type WriteContext } from "../audit/record-audit.ts";
import { requireActor, requireAllowed } from "../auth/authorize-actor.ts";
import { workItemConflict, workItemNotFound, workItemWithSeats } from "./work-item-view.ts";

/**
 * Edits a work item, compare-and-set: the edit names the version it was made
 * on, and one made on another version is 409 carrying the current item. The
 * fields left out keep their values; the whole result is checked as on
 * create. A shipped item keeps its state (shipping is not undone).
 */
export async function updateWorkItem(
  deps: AppDeps,
  context: WriteContext,
  id: string,
  input: UpdateWorkItemBody,
): Promise<WorkItem> {
  requireAllowed(deps, requireActor(deps, context.actor), { type: "work_items.manage" });
  const db = deps.database.db;
  const stored = await findWorkItem(db, id);
  if (!stored) throw workItemNotFound(id);
  if (stored.version !== input.version)
    throw await workItemConflict(deps, context.actor, stored, input.version);
  const shipped = stored.state === "shipped";
  const { fields, violations } = checkWorkItemFields(deps.playbook.index, {
    title: input.title ?? stored.title,
    externalUrl: input.externalUrl === undefined ? stored.externalUrl : input.externalUrl,
    state: shipped ? undefined : (input.state ?? stored.state),
    l2: input.l2 ?? stored.l2,
    // A new L2 without an L3 drops the old L3, which belongs to the old L2.
    l3: input.l3 !== undefined ? input.l3 : input.l2 !== undefined ? null : stored.l3,
    serviceIds: input.serviceIds ?? stored.serviceIds,
    expectedDate: input.expectedDate === undefined ? stored.expectedDate : input.expectedDate,
  });
  if (shipped && input.state !== undefined && input.state !== "shipped") {
    violations.push(saidViolation("state", "state_after_shipped", "work_item_state_after_shipped"));
  }
  if (violations.length > 0) {
    throw saidError("validation_failed", "work_item_not_saved", {}, { violations });
  }
  const { state: _state, ...rest } = fields;
  const row = await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const updated = await updateWorkItemFields(
      tx,
      id,
      input.version,
      shipped ? rest : fields,
      context.actor.id || null,
      deps.now(),
    );
    if (!updated) return null;
    await recordAudit(tx, deps, context, {
      action: "work_item.update",
      targetType: "work_item",
      targetId: id,
      before: stored,
      after: updated,
    });
    return updated;
  });
  if (!row) {
    const current = await findWorkItem(db, id);
    throw current
      ? await workItemConflict(deps, context.actor, current, input.version)
      : workItemNotFound(id);
  }
  return workItemWithSeats(deps, context.actor, row);
}
