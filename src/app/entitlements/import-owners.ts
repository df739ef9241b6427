import type { Db } from "../../db/client.ts";
import type { LockedEntitlement } from "../../db/repositories/entitlement-repository.ts";
import {
  peopleAssignedTo,
  tenantsOfEntitlements,
  usersNamed,
} from "../../db/repositories/owner-repository.ts";
import type { CsvRowError } from "../../domain/csv/csv-row-error.ts";
import type { ImportPlan } from "../../domain/csv/plan-status-import.ts";
import { violationsToRowErrors } from "../../domain/csv/violations-to-row-errors.ts";
import { resolveSegmentOwners } from "../../domain/owners/resolve-segment-owners.ts";
import { ownerTeamsOf } from "../../domain/owners/segment-owner.ts";
import { sameSegments } from "../../domain/same-segments.ts";
import type { AppDeps } from "../app-deps.ts";

const personIds = (segments: LockedEntitlement["segments"]) =>
  segments.flatMap((segment) => (segment.ownerRef?.kind === "person" ? [segment.ownerRef.userId] : []));

/**
 * The owners of an import's changes resolved as a form's are (docs/OWNERS.md),
 * in three statements whatever the file's length. A change naming a person
 * not assigned to its tenant is taken out of the plan and its rows reported;
 * one whose owners resolve to what is stored becomes unchanged.
 */
export async function resolveImportOwners(
  deps: AppDeps,
  db: Db,
  plan: ImportPlan<LockedEntitlement>,
): Promise<CsvRowError[]> {
  const owned = plan.changes.filter((change) => change.segments.some((segment) => segment.owner));
  if (owned.length === 0) return [];
  const tenantOf = await tenantsOfEntitlements(
    db,
    owned.map((change) => change.before.id),
  );
  const assigned = await peopleAssignedTo(db, [...tenantOf.values()]);
  const texts = owned.flatMap((change) => change.segments.flatMap((s) => (s.owner ? [s.owner] : [])));
  const named = await usersNamed(
    db,
    texts,
    owned.flatMap((change) => personIds(change.before.segments)),
  );
  const teams = ownerTeamsOf(deps.playbook.index);
  const errors: CsvRowError[] = [];
  const kept: typeof plan.changes = [];
  const ownedSet = new Set(owned);
  for (const change of plan.changes) {
    if (!ownedSet.has(change)) {
      kept.push(change);
      continue;
    }
    const context = {
      teams,
      assigned: assigned.get(tenantOf.get(change.before.id) ?? "") ?? [],
      named,
      keptUserIds: new Set(personIds(change.before.segments)),
    };
    const outcome = resolveSegmentOwners(change.segments, change.group.segments, context);
    if (outcome.violations.length > 0) {
      errors.push(...violationsToRowErrors(change.group, outcome.violations));
      plan.refused += 1;
    } else if (
      change.stage === change.before.stage &&
      change.availableSeats === change.before.availableSeats &&
      sameSegments(change.before.segments, outcome.segments)
    ) {
      plan.unchanged += 1;
    } else kept.push({ ...change, segments: outcome.segments });
  }
  plan.changes = kept;
  return errors;
}
