import type { Db } from "../../db/client.ts";
import { deleteAssignment, findAssignmentView } from "../../db/repositories/assignment-repository.ts";
import { AppError, saidError } from "../../domain/app-error.ts";
import type { AppDeps } from "../app-deps.ts";
import { recordAudit, type WriteContext } from "../audit/record-audit.ts";
import { requireActor } from "../auth/authorize-actor.ts";
import { auditedAssignment, requireAssignRight } from "./assign-user.ts";

/** Removes an assignment, with the same right as adding it there. Audited as assignment.delete. */
export async function unassignUser(
  deps: AppDeps,
  context: WriteContext,
  assignmentId: string,
): Promise<void> {
  requireActor(deps, context.actor);
  const db = deps.database.db;
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const view = await findAssignmentView(tx, assignmentId);
    const missing = saidError(
      "not_found",
      "no_assignment",
      { id: assignmentId },
      { detail: { assignmentId } },
    );
    if (!view) throw missing;
    const target = view.tenant ? { tenantId: view.tenant.id } : { customerId: view.customer!.id };
    try {
      await requireAssignRight(deps, tx, context, target);
    } catch (error) {
      // The assignment of a tenant the actor may not even see reads as missing, not as "tenant hidden".
      if (error instanceof AppError && error.code === "not_found") throw missing;
      throw error;
    }
    await deleteAssignment(tx, view.id);
    await recordAudit(tx, deps, context, {
      action: "assignment.delete",
      targetType: "assignment",
      targetId: view.id,
      before: auditedAssignment(view),
      after: null,
    });
  });
}
