import type { Db } from "../../db/client.ts";
import { latestStatusChange } from "../../db/repositories/audit-repository.ts";
import {
  applyStatus,
  findEntitlementView,
  lockedOf,
  type StatusWrite,
} from "../../db/repositories/entitlement-repository.ts";
import type { ChangeSource } from "../../db/repositories/history-repository.ts";
import { findEntitlementForChange } from "../../db/repositories/status-change-repository.ts";
import { blockedSeatsOf } from "../../db/sql/entitlement-view.ts";
import { statusAfter } from "../../db/sql/status-write-statement.ts";
import { AppError, saidError } from "../../domain/app-error.ts";
import type { Language } from "../../domain/i18n/languages.ts";
import { sayCount } from "../../domain/i18n/rule-text.ts";
import { errorText } from "../../domain/i18n/server-texts.ts";
import { formatIsoDateTime } from "../../domain/i18n/texts.ts";
import type { Stage } from "../../domain/playbook/playbook-schema.ts";
import { evaluateStatus } from "../../domain/rules/evaluate-status.ts";
import { sameSegments } from "../../domain/same-segments.ts";
import type { ProposedSegmentWithOwner } from "../../domain/status-segment.ts";
import type { EntitlementView } from "../../http/schemas/entitlements.ts";
import { type Actor, type AppDeps, todayOf } from "../app-deps.ts";
import { allowTenantAction, requireActor } from "../auth/authorize-actor.ts";
import { indexFor } from "../playbook/playbook-translations.ts";
import { proposeOwners, settleOwners } from "./segment-owners.ts";

export interface SetStatusInput {
  entitlementId: string;
  /** The version the caller read; a different stored version means someone else changed it since. */
  version: number;
  /** Moves the entitlement to another stage with this change; absent keeps the current one. */
  stage?: Stage | undefined;
  /** Owners as text or as a person or team (ownerRef); resolved as docs/OWNERS.md says. */
  segments: ProposedSegmentWithOwner[];
  actor: Actor;
  source: ChangeSource;
  requestId?: string | undefined;
}

/**
 * Records a new status for one entitlement, all or nothing. It reads the
 * entitlement with the actor's access (one statement), authorises, compares
 * the version, runs the playbook rules, and then writes segments, version,
 * stamp and history with one statement that only lands while the stored
 * version is still the one judged (applyStatus): a change someone committed
 * in between is a version conflict, never overwritten. Two round trips, no
 * lock held while the rules run.
 */
export async function setStatus(
  deps: AppDeps,
  input: SetStatusInput,
): Promise<{ entitlement: EntitlementView }> {
  const db = deps.database.db;
  const found = await findEntitlementForChange(db, requireActor(deps, input.actor).id, input.entitlementId);
  if (!found) throw notFound(input.entitlementId);
  const current = found.view;
  // Authorised before the version check: a refused writer must not see the current state in a 409.
  allowTenantAction(
    deps,
    input.actor,
    { type: "status.write", stage: input.stage ?? current.stage },
    { entitlementId: current.id },
    found.access,
  );
  if (input.version !== current.version) throw await versionConflict(db, current, input.version);

  // The same playbook and rules in the actor's language, so refusals read in it.
  const index = indexFor(deps, input.actor);
  const now = deps.now();
  const stage = input.stage ?? current.stage;
  const locked = lockedOf(current);
  const owned = { tenantId: current.tenant.id, previous: locked.segments };
  const { proposed, context } = await proposeOwners(deps, db, owned, input.segments);
  const decision = evaluateStatus({
    index,
    serviceId: locked.serviceId,
    stage,
    actorRole: input.actor.role,
    availableSeats: locked.availableSeats,
    previous: locked.segments,
    proposed,
    today: todayOf(now),
  });
  if (!decision.ok) {
    const summary = sayCount(index.text, "status_refused", decision.violations.length);
    throw new AppError("validation_failed", summary, { violations: decision.violations });
  }
  const segments = await settleOwners(deps, db, owned, proposed, decision.segments, context);
  // A status restated as it is writes nothing, no history row either.
  if (stage === locked.stage && sameSegments(locked.segments, segments)) {
    return { entitlement: current };
  }

  const write: StatusWrite = {
    locked,
    stage,
    segments,
    actor: { id: input.actor.id, role: input.actor.role },
    source: input.source,
    requestId: input.requestId ?? null,
    playbookVersion: index.playbook.version,
    now,
  };
  const version = await applyStatus(db, write);
  if (version === null) {
    // Someone committed a change between the read and the write: nothing was written.
    const latest = await findEntitlementView(db, current.id);
    if (!latest) throw notFound(current.id);
    throw await versionConflict(db, latest, input.version);
  }
  // The stored row is exactly what was written, so the answer is built rather than read back.
  const after = statusAfter(write).segments;
  return {
    entitlement: {
      ...current,
      version,
      stage,
      updatedAt: now.toISOString(),
      segments: after,
      blockedSeats: blockedSeatsOf(after),
      // The rules made the segments add up to the seats: nothing is left to split again.
      resplitNeeded: false,
    },
  };
}

/** The 409 for a write judged against another version: who changed it last, and the current state. */
async function versionConflict(db: Db, current: EntitlementView, edited: number): Promise<AppError> {
  const last = await latestStatusChange(db, current.id);
  const versions = { current: String(current.version), edited: String(edited) };
  const textIn = (language: Language) =>
    last
      ? errorText.say(language, "entitlement_changed_by", {
          ...versions,
          name: last.name ?? last.email ?? "the system",
          when: formatIsoDateTime(language, String(last.at)),
        })
      : errorText.say(language, "entitlement_changed", versions);
  return new AppError("version_conflict", textIn("en"), {
    textIn,
    detail: {
      current,
      changedBy: last ? { name: last.name, email: last.email, role: last.role } : null,
      changedAt: last?.at ?? null,
    },
  });
}

function notFound(id: string): AppError {
  return saidError("not_found", "no_entitlement", { id }, { detail: { entitlementId: id } });
}
