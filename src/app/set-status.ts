import type { Db } from "../db/client.ts";
import { latestStatusChange } from "../db/repositories/audit-repository.ts";
import {
  applyStatus,
  findEntitlementView,
  lockEntitlement,
} from "../db/repositories/entitlement-repository.ts";
import type { EntitlementView } from "../db/repositories/entitlement-view.ts";
import type { ChangeSource } from "../db/repositories/history-repository.ts";
import { AppError } from "../domain/app-error.ts";
import type { Stage } from "../domain/playbook/playbook-schema.ts";
import { evaluateStatus } from "../domain/rules/evaluate-status.ts";
import { sameSegments } from "../domain/same-segments.ts";
import type { ProposedSegment } from "../domain/status-segment.ts";
import { type Actor, type AppDeps, todayOf } from "./app-deps.ts";
import { requireTenantAction } from "./auth/authorize-actor.ts";

export interface SetStatusInput {
  entitlementId: string;
  /** The version the caller read; a different stored version means someone else changed it since. */
  version: number;
  /** Moves the entitlement to another stage with this change; absent keeps the current one. */
  stage?: Stage | undefined;
  segments: ProposedSegment[];
  actor: Actor;
  source: ChangeSource;
  requestId?: string | undefined;
}

/**
 * Records a new status for one entitlement, all or nothing: the row is locked,
 * the version compared, the playbook rules run, and only then are the segments
 * replaced and the history row appended, in one transaction.
 */
export async function setStatus(
  deps: AppDeps,
  input: SetStatusInput,
): Promise<{ entitlement: EntitlementView }> {
  const db = deps.database.db;
  await db.transaction((tx) => changeStatus(tx as unknown as Db, deps, input));
  const entitlement = await findEntitlementView(db, input.entitlementId);
  if (!entitlement) throw notFound(input.entitlementId);
  return { entitlement };
}

export interface StatusChangeInput extends Omit<SetStatusInput, "version"> {
  /** Null skips the version check: the caller (the importer) holds its own consistent view. */
  version: number | null;
}

/**
 * The body of setStatus inside a transaction the caller owns, so the importer
 * can apply many rows all-or-nothing. Throws AppError (not_found,
 * version_conflict, validation_failed) before writing anything; returns whether
 * anything changed (a status restated as it is writes no history).
 */
export async function changeStatus(
  tx: Db,
  deps: AppDeps,
  input: StatusChangeInput,
): Promise<{ changed: boolean; version: number }> {
  const locked = await lockEntitlement(tx, input.entitlementId);
  if (!locked) throw notFound(input.entitlementId);
  // Authorised before the version check: a refused writer must not see the current state in a 409.
  await requireTenantAction(
    deps,
    tx,
    input.actor,
    { type: "status.write", stage: input.stage ?? locked.stage },
    { entitlementId: locked.id },
  );
  if (input.version !== null && input.version !== locked.version) {
    const current = await findEntitlementView(tx, locked.id);
    const last = await latestStatusChange(tx, locked.id);
    const by = last ? ` by ${last.name ?? last.email ?? "the system"} at ${last.at}` : "";
    throw new AppError(
      "version_conflict",
      `The entitlement was changed${by} (version ${locked.version}, you edited version ${input.version}). Review it and apply your change again.`,
      {
        detail: {
          current,
          changedBy: last ? { name: last.name, email: last.email, role: last.role } : null,
          changedAt: last?.at ?? null,
        },
      },
    );
  }

  const { index } = deps.playbook;
  const now = deps.now();
  const stage = input.stage ?? locked.stage;
  const decision = evaluateStatus({
    index,
    serviceId: locked.serviceId,
    stage,
    actorRole: input.actor.role,
    availableSeats: locked.availableSeats,
    previous: locked.segments,
    proposed: input.segments,
    today: todayOf(now),
  });
  if (!decision.ok) {
    const count = decision.violations.length;
    throw new AppError(
      "validation_failed",
      `The status breaks ${count} playbook rule${count === 1 ? "" : "s"}; nothing was changed.`,
      { violations: decision.violations },
    );
  }
  if (stage === locked.stage && sameSegments(locked.segments, decision.segments)) {
    return { changed: false, version: locked.version };
  }

  const version = await applyStatus(tx, {
    locked,
    stage,
    segments: decision.segments,
    actor: { id: input.actor.id, role: input.actor.role },
    source: input.source,
    requestId: input.requestId ?? null,
    playbookVersion: index.playbook.version,
    now,
  });
  return { changed: true, version };
}

function notFound(id: string): AppError {
  return new AppError("not_found", `There is no entitlement ${id}.`, { detail: { entitlementId: id } });
}
