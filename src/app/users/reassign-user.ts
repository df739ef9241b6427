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
import { type SaidParams, saidError, saidViolation } from "../../domain/app-error.ts";
import type { ErrorMessageKey } from "../../domain/i18n/error-messages-en.ts";
import type { Language } from "../../domain/i18n/languages.ts";
import { personOwner } from "../../domain/owners/segment-owner.ts";
import type { ReassignPlan } from "../../http/schemas/users.ts";
import type { AppDeps } from "../app-deps.ts";
import { recordAudit, type WriteContext } from "../audit/record-audit.ts";
import { requireActor, requireAllowed } from "../auth/authorize-actor.ts";
import { localizedIndex } from "../playbook/playbook-translations.ts";

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
  throw saidError(
    "validation_failed",
    "no_user",
    { id: key },
    { violations: [saidViolation(field, "user_unknown", "user_unknown_key", { key })] },
  );
}

function checkPair(deps: AppDeps, from: UserRecord, to: UserRecord): void {
  const fail = (code: string, key: ErrorMessageKey, values: SaidParams = {}) =>
    saidError("validation_failed", key, values, { violations: [saidViolation("to", code, key, values)] });
  if (from.id === to.id) throw fail("same_user", "reassign_same_user");
  if (from.role !== to.role) {
    const name = (role: string) => (language: Language) =>
      localizedIndex(deps.playbook, language).role(role)?.name ?? role;
    throw fail("role_mismatch", "reassign_role_mismatch", {
      from: from.name,
      fromRole: name(from.role),
      to: to.name,
      toRole: name(to.role),
    });
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
    throw saidError("conflict", "reassign_conflict");
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
