import type { PlaybookIndex } from "../playbook/playbook-index.ts";
import type { Stage } from "../playbook/playbook-schema.ts";
import { evaluateStatus } from "../rules/evaluate-status.ts";
import { sameSegments } from "../same-segments.ts";
import type { IsoDate, StatusSegment } from "../status-segment.ts";
import { type CsvRowError, rowError } from "./csv-row-error.ts";
import type { EntitlementRows } from "./group-status-rows.ts";
import { violationsToRowErrors } from "./violations-to-row-errors.ts";

/** An entitlement as stored, as far as an import judges it. */
export interface StoredEntitlement {
  id: string;
  version: number;
  stage: Stage;
  availableSeats: number;
  segments: StatusSegment[];
}

/** What the database knows about the tenants and entitlements a file names. */
export interface ImportLookup<T extends StoredEntitlement = StoredEntitlement> {
  tenantExists(tenantDomain: string): boolean;
  entitlement(tenantDomain: string, serviceId: string): T | undefined;
}

/** One entitlement whose status the import will write. */
export interface PlannedChange<T extends StoredEntitlement = StoredEntitlement> {
  group: EntitlementRows;
  /** The entitlement as the lookup gave it. */
  before: T;
  stage: Stage;
  availableSeats: number;
  /** The segments to store, as evaluateStatus built them. */
  segments: StatusSegment[];
}

export interface ImportPlan<T extends StoredEntitlement = StoredEntitlement> {
  changes: PlannedChange<T>[];
  unchanged: number;
  /** Entitlements not written because of an error (their own, or one of their rows'). */
  refused: number;
  errors: CsvRowError[];
}

export interface PlanInput<T extends StoredEntitlement = StoredEntitlement> {
  index: PlaybookIndex;
  actorRole: string;
  today: IsoDate;
  /** Available seats in the file replace the stored ones instead of having to match them. */
  updateSeats: boolean;
  groups: readonly EntitlementRows[];
  lookup: ImportLookup<T>;
}

/**
 * Judges every entitlement of a file by the same rules as the API and sorts
 * them into changes, unchanged ones and row errors. Nothing here writes: the
 * caller decides whether a plan with errors writes anything at all.
 */
export function planStatusImport<T extends StoredEntitlement>(input: PlanInput<T>): ImportPlan<T> {
  const plan: ImportPlan<T> = { changes: [], unchanged: 0, refused: 0, errors: [] };
  for (const group of input.groups) {
    // Its rows were already refused one by one; what is left is not its full status.
    if (group.refused) {
      plan.refused += 1;
      continue;
    }
    const outcome = judgeGroup(input, group);
    if (outcome === "unchanged") plan.unchanged += 1;
    else if (Array.isArray(outcome)) {
      plan.refused += 1;
      plan.errors.push(...outcome);
    } else plan.changes.push(outcome);
  }
  return plan;
}

function judgeGroup<T extends StoredEntitlement>(
  input: PlanInput<T>,
  group: EntitlementRows,
): PlannedChange<T> | CsvRowError[] | "unchanged" {
  const first = group.rows[0] ?? 0;
  const { index } = input;
  const serviceName = index.service(group.serviceId)?.name ?? group.serviceId;
  if (!input.lookup.tenantExists(group.tenantDomain)) {
    return [
      rowError(first, "tenant_domain", "tenant_unknown", `No tenant has the domain "${group.tenantDomain}".`),
    ];
  }
  const stored = input.lookup.entitlement(group.tenantDomain, group.serviceId);
  if (!stored) {
    return [
      rowError(
        first,
        "service",
        "entitlement_unknown",
        `The tenant ${group.tenantDomain} has no ${serviceName} entitlement.`,
      ),
    ];
  }

  const errors: CsvRowError[] = [];
  if (group.entitlementId !== null && group.entitlementId !== stored.id) {
    errors.push(
      rowError(
        first,
        "entitlement_id",
        "entitlement_mismatch",
        `The ${serviceName} entitlement of ${group.tenantDomain} has the id ${stored.id}, not ${group.entitlementId}.`,
      ),
    );
  }
  // A version that moved on is only a conflict when the file asks for a
  // change: a file applied once and imported again restates what is stored.
  const versionConflict =
    group.version !== null && group.version !== stored.version
      ? rowError(
          first,
          "version",
          "version_conflict",
          `The entitlement changed since this file was exported (version ${group.version} read, now ${stored.version}); export again and redo the edit.`,
        )
      : null;
  let availableSeats = stored.availableSeats;
  if (group.availableSeats !== null && group.availableSeats !== stored.availableSeats) {
    if (input.updateSeats) availableSeats = group.availableSeats;
    else {
      errors.push(
        rowError(
          first,
          "available_seats",
          "available_seats_mismatch",
          `The file says ${group.availableSeats} available seats but ${stored.availableSeats} are recorded; correct the file or import with --update-seats.`,
        ),
      );
    }
  }
  if (errors.length > 0) return errors;

  const stage = group.stage ?? stored.stage;
  if (group.segments.length === 0) {
    if (stored.segments.length === 0) return "unchanged";
    return [
      rowError(
        first,
        "seats",
        "segments_required",
        `${serviceName} on ${group.tenantDomain} already has a status; a file can replace it but not clear it.`,
      ),
    ];
  }

  const decision = evaluateStatus({
    index,
    serviceId: group.serviceId,
    stage,
    actorRole: input.actorRole,
    availableSeats,
    previous: stored.segments,
    proposed: group.segments,
    today: input.today,
  });
  const same =
    decision.ok &&
    stage === stored.stage &&
    availableSeats === stored.availableSeats &&
    sameSegments(decision.segments, stored.segments);
  if (same) return "unchanged";
  if (versionConflict) return [versionConflict];
  if (!decision.ok) return violationsToRowErrors(group, decision.violations);
  return { group, before: stored, stage, availableSeats, segments: decision.segments };
}
