import type { Db } from "../../db/client.ts";
import { insertWorkItem } from "../../db/repositories/work-item-repository.ts";
import { saidError } from "../../domain/app-error.ts";
import { checkWorkItemFields } from "../../domain/work-items/work-item-fields.ts";
import type { CreateWorkItemBody, WorkItem } from "../../http/schemas/work-items.ts";
import type { AppDeps } from "../app-deps.ts";
import { recordAudit, type WriteContext } from "../audit/record-audit.ts";
import { requireActor, requireAllowed } from "../auth/authorize-actor.ts";
import { workItemWithSeats } from "./work-item-view.ts";

/**
 * Adds a work item (the product group and Admins). Its L2 must be one of
 * Blocked in the playbook, its L3 one of that L2, its services known: any
 * other value is 422 naming the field, and nothing is written.
 */
export async function createWorkItem(
  deps: AppDeps,
  context: WriteContext,
  input: CreateWorkItemBody,
): Promise<WorkItem> {
  requireAllowed(deps, requireActor(deps, context.actor), { type: "work_items.manage" });
  const { fields, violations } = checkWorkItemFields(deps.playbook.index, input);
  if (violations.length > 0) {
    throw saidError("validation_failed", "work_item_not_saved", {}, { violations });
  }
  const row = await deps.database.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const created = await insertWorkItem(tx, fields, context.actor.id || null, deps.now());
    await recordAudit(tx, deps, context, {
      action: "work_item.create",
      targetType: "work_item",
      targetId: created.id,
      before: null,
      after: created,
    });
    return created;
  });
  return workItemWithSeats(deps, context.actor, row);
}
