import type { Db } from "../../db/client.ts";
import { deleteAssignment } from "../../db/repositories/assignment-repository.ts";
import {
  loadEntitlementViews,
  lockedOf,
  type StatusWrite,
} from "../../db/repositories/entitlement-repository.ts";
import { type ChangeSource, changeSources } from "../../db/repositories/history-repository.ts";
import {
  assignmentsToMove,
  moveAssignment,
  ownedSegmentsCovered,
} from "../../db/repositories/reassign-repository.ts";
import { findUserByEmail, findUserById, type UserRecord } from "../../db/repositories/user-repository.ts";
import { writeStatuses } from "../../db/sql/status-write-statement.ts";
import { AppError } from "../../domain/app-error.ts";
import { personOwner } from "../../domain/owners/segment-owner.ts";
import type { ReassignPlan } from "../../http/schemas/users.ts";
import type { AppDeps } from "../app-deps.ts";
import { recordAudit, type WriteContext } from "../audit/record-audit.ts";
import { requireActor, requireAllowed } from "../auth/authorize-actor.ts";

export interface ReassignInput {
  /** The person leaving: user id or email. */
  from: string;
  /** The person taking over, of the same role: user id or email. */
  to: string;
  /** Only these customers (id or external id) and tenants (id or domain); neither means all. */
  customerIds?: string[] | undefined;
  tenantIds?: string[] | undefined;
  dryRun?: boolean | undefined;
}

/**
 * Moves a person's customers and tenants (all, or a selection) to another
 * person of the same role, with the seats the first owns there (docs/OWNERS.md).
 * A dry run answers the same plan and writes nothing. Applied, it is one
 * transaction: each assignment moved (or merged into one the new person
 * already has) and each owner changed leaves one audit entry, and each
 * entitlement whose owners change gets a new version and a history row.
 * Admins and Team Leads only.
 */
export async function reassignUser(
  deps: AppDeps,
  context: WriteContext,
  input: ReassignInput,
): Promise<ReassignPlan> {
  requireAllowed(deps, requireActor(deps, context.actor), { type: "assignments.reassign" });
  return deps.database.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const from = await userNamed(tx, input.from, "from");
    const to = await userNamed(tx, input.to, "to");
    checkPair(deps, from, to);
    const assignments = await assignmentsToMove(tx, {
      fromUserId: from.id,
      toUserId: to.id,
      customerKeys: input.customerIds ?? (input.tenantIds ? [] : null),
      tenantKeys: input.tenantIds ?? (input.customerIds ? [] : null),
    });
    const segments = await ownedSegmentsCovered(
      tx,
      from.id,
      assignments.map((assignment) => assignment.id),
    );
    const plan: ReassignPlan = { from: brief(from), to: brief(to), applied: false, assignments, segments };
    if (input.dryRun) return plan;
    await moveAssignments(tx, deps, context, plan);
    await moveOwners(tx, deps, context, plan, to);
    return { ...plan, applied: true };
  });
}

const brief = (user: UserRecord) => ({ id: user.id, email: user.email, name: user.name, role: user.role });

async function userNamed(db: Db, key: string, field: "from" | "to"): Promise<UserRecord> {
  const user = key.includes("@") ? await findUserByEmail(db, key) : await findUserById(db, key);
  if (user) return user;
  throw new AppError("validation_failed", `There is no user ${key}.`, {
    violations: [{ field, code: "user_unknown", message: `No user has the id or email ${key}.` }],
  });
}

function checkPair(deps: AppDeps, from: UserRecord, to: UserRecord): void {
  const fail = (code: string, message: string) =>
    new AppError("validation_failed", message, { violations: [{ field: "to", code, message }] });
  if (from.id === to.id) throw fail("same_user", "Reassign to another person than the one leaving.");
  if (from.role !== to.role) {
    const name = (role: string) => deps.playbook.index.role(role)?.name ?? role;
    throw fail(
      "role_mismatch",
      `${from.name} is ${name(from.role)} and ${to.name} is ${name(to.role)}: work moves between people of one role.`,
    );
  }
}

async function moveAssignments(tx: Db, deps: AppDeps, context: WriteContext, plan: ReassignPlan) {
  for (const assignment of plan.assignments) {
    if (assignment.merged) await deleteAssignment(tx, assignment.id);
    else await moveAssignment(tx, assignment.id, plan.to.id);
    const target = { customer: assignment.customer, tenant: assignment.tenant, primary: assignment.primary };
    await recordAudit(tx, deps, context, {
      action: "assignment.reassign",
      targetType: "assignment",
      targetId: assignment.id,
      before: { userId: plan.from.id, userEmail: plan.from.email, ...target },
      after: { userId: plan.to.id, userEmail: plan.to.email, ...target, merged: assignment.merged },
    });
  }
}

/** Each entitlement with a moved segment is written once, at the version read (compare-and-set). */
async function moveOwners(tx: Db, deps: AppDeps, context: WriteContext, plan: ReassignPlan, to: UserRecord) {
  const moved = new Set(plan.segments.map((segment) => `${segment.entitlementId}:${segment.position}`));
  const ids = [...new Set(plan.segments.map((segment) => segment.entitlementId))];
  const views = await loadEntitlementViews(tx, ids);
  const now = deps.now();
  const source: ChangeSource = (changeSources as readonly string[]).includes(context.source)
    ? (context.source as ChangeSource)
    : "api";
  const writes: StatusWrite[] = views.map((view) => ({
    locked: lockedOf(view),
    stage: view.stage,
    segments: view.segments.map((segment, position) =>
      moved.has(`${view.id}:${position}`)
        ? {
            ...segment,
            owner: to.name,
            ownerRef: { kind: "person", userId: to.id },
            ownerResolved: personOwner(to),
          }
        : segment,
    ),
    actor: { id: context.actor.id || null, role: context.actor.role },
    source,
    requestId: context.requestId ?? null,
    playbookVersion: deps.playbook.index.playbook.version,
    now,
  }));
  const written = await writeStatuses(tx, writes);
  if (written.size !== writes.length) {
    throw new AppError(
      "conflict",
      "An entitlement changed while its owners were moved; nothing was moved. Try again.",
    );
  }
  for (const segment of plan.segments) {
    await recordAudit(tx, deps, context, {
      action: "segment.owner",
      targetType: "entitlement",
      targetId: segment.entitlementId,
      before: {
        position: segment.position,
        owner: { kind: "person", userId: plan.from.id, name: plan.from.name },
      },
      after: {
        position: segment.position,
        owner: { kind: "person", userId: plan.to.id, name: plan.to.name },
      },
    });
  }
}
