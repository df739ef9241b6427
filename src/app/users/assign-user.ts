import type { Db } from "../../db/client.ts";
import { findUserWithAccount } from "../../db/repositories/account-repository.ts";
import {
  type AssignmentTarget,
  findAssignmentTo,
  findAssignmentView,
  insertAssignment,
  setAssignmentPrimary,
} from "../../db/repositories/assignment-repository.ts";
import { saidError, saidViolation } from "../../domain/app-error.ts";
import { grantOf } from "../../domain/policy/role-grants.ts";
import type { AssignmentView } from "../../http/schemas/users.ts";
import type { AppDeps } from "../app-deps.ts";
import { recordAudit, type WriteContext } from "../audit/record-audit.ts";
import { requireActor, requireCustomerAction, requireTenantAction } from "../auth/authorize-actor.ts";

export interface AssignInput {
  userId: string;
  /** Exactly one of tenantId and customerId: a customer assignment covers all its tenants. */
  tenantId?: string | undefined;
  customerId?: string | undefined;
  primary?: boolean | undefined;
}

function targetOf(input: AssignInput): AssignmentTarget {
  if (input.tenantId && !input.customerId) return { tenantId: input.tenantId };
  if (input.customerId && !input.tenantId) return { customerId: input.customerId };
  throw saidError(
    "validation_failed",
    "assign_target",
    {},
    { violations: [saidViolation("tenantId", "target_required", "assign_target_field")] },
  );
}

/** Checks that the actor may assign on the target (Admins, Team Leads, primary FMs there). */
export async function requireAssignRight(
  deps: AppDeps,
  db: Db,
  context: WriteContext,
  target: AssignmentTarget,
): Promise<void> {
  if ("tenantId" in target) {
    await requireTenantAction(
      deps,
      db,
      context.actor,
      { type: "assignments.manage", level: "tenant" },
      target,
    );
  } else {
    await requireCustomerAction(
      deps,
      db,
      context.actor,
      { type: "assignments.manage", level: "customer" },
      target.customerId,
    );
  }
}

/**
 * Assigns a user to a tenant or a customer, primary or secondary. Assigning
 * again is idempotent and only changes the primary flag. Engineering is never
 * assigned: it reads aggregates only. Audited as assignment.create or
 * assignment.update.
 */
export async function assignUser(
  deps: AppDeps,
  context: WriteContext,
  input: AssignInput,
): Promise<AssignmentView> {
  requireActor(deps, context.actor);
  const target = targetOf(input);
  const primary = input.primary ?? false;
  const db = deps.database.db;
  const id = await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    await requireAssignRight(deps, tx, context, target);
    const assignee = await findUserWithAccount(tx, { id: input.userId });
    if (!assignee) {
      throw saidError(
        "validation_failed",
        "no_user",
        { id: input.userId },
        { violations: [saidViolation("userId", "user_unknown", "user_unknown_field")] },
      );
    }
    if (grantOf(assignee.user.role).reach === "aggregate") {
      throw saidError(
        "validation_failed",
        "role_not_assignable",
        { name: assignee.user.name },
        { violations: [saidViolation("userId", "role_not_assignable", "role_not_assignable_field")] },
      );
    }
    const existing = await findAssignmentTo(tx, assignee.user.id, target);
    if (existing) {
      const before = await findAssignmentView(tx, existing);
      if (before?.primary === primary) return existing;
      await setAssignmentPrimary(tx, existing, primary);
      await recordAudit(tx, deps, context, {
        action: "assignment.update",
        targetType: "assignment",
        targetId: existing,
        before: auditedAssignment(before),
        after: auditedAssignment(await findAssignmentView(tx, existing)),
      });
      return existing;
    }
    const created = await insertAssignment(tx, {
      userId: assignee.user.id,
      target,
      primary,
      now: deps.now(),
    });
    await recordAudit(tx, deps, context, {
      action: "assignment.create",
      targetType: "assignment",
      targetId: created,
      before: null,
      after: auditedAssignment(await findAssignmentView(tx, created)),
    });
    return created;
  });
  const view = await findAssignmentView(db, id);
  if (!view) throw saidError("not_found", "no_assignment", { id });
  return view;
}

/** What an audit row keeps of an assignment: who, to what, primary or not. */
export function auditedAssignment(view: AssignmentView | null): Record<string, unknown> | null {
  if (!view) return null;
  return {
    userId: view.user.id,
    userEmail: view.user.email,
    customerId: view.customer?.id ?? null,
    customerName: view.customer?.name ?? null,
    tenantId: view.tenant?.id ?? null,
    tenantName: view.tenant?.name ?? null,
    primary: view.primary,
  };
}
