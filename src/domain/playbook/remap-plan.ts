import type { PlaybookChange } from "./playbook-changes-schema.ts";
import type { PlaybookIndex } from "./playbook-index.ts";
import {
  changeSources,
  remapValue,
  type TaxonomyValue,
  taxonomyPath,
  taxonomyValueExists,
} from "./taxonomy-remap.ts";

/** Statuses (or work items) stored with one value on one service, as the database counts them. */
export interface StoredGroup {
  value: TaxonomyValue;
  /** Null for a work item linked to several services (or all): a split by service cannot place it. */
  serviceId: string | null;
  /** Entitlements with a segment of this value, and those segments' seats. */
  statuses: number;
  seats: number;
  workItems: number;
}

export interface PlannedGroup extends StoredGroup {
  to: TaxonomyValue;
  /** Indexes of the changes that moved it. */
  applied: number[];
}

/** A stored value the playbook does not define, after every declared change. */
export interface OrphanedValue {
  /** As stored: l1/l2/l3. */
  path: string;
  /** Where the declared changes took it, when they moved it (to a value still undefined). */
  movedTo: string | null;
  statuses: number;
  seats: number;
  workItems: number;
}

export interface RemapPlan {
  changes: PlaybookChange[];
  /** The groups a change moves (their value differs after it). */
  moves: PlannedGroup[];
  orphans: OrphanedValue[];
}

/**
 * What applying `changes` (in order) to the stored values would do under the
 * playbook `index`: which groups move where, and which values would be left
 * without a definition. A value the playbook still defines and no change
 * moves stays as it is.
 */
export function planRemap(
  index: PlaybookIndex,
  changes: readonly PlaybookChange[],
  stored: readonly StoredGroup[],
): RemapPlan {
  const moves: PlannedGroup[] = [];
  const orphans = new Map<string, OrphanedValue>();
  for (const group of stored) {
    const trace = remapValue(changes, group.value, group.serviceId);
    if (trace.applied.length > 0) moves.push({ ...group, to: trace.value, applied: trace.applied });
    if (taxonomyValueExists(index, trace.value)) continue;
    const path = taxonomyPath(group.value);
    const orphan = orphans.get(path) ?? {
      path,
      movedTo: trace.applied.length > 0 ? taxonomyPath(trace.value) : null,
      statuses: 0,
      seats: 0,
      workItems: 0,
    };
    orphan.statuses += group.statuses;
    orphan.seats += group.seats;
    orphan.workItems += group.workItems;
    orphans.set(path, orphan);
  }
  return {
    changes: [...changes],
    moves,
    orphans: [...orphans.values()].sort((a, b) => b.statuses - a.statuses || a.path.localeCompare(b.path)),
  };
}

/**
 * Whether planRemap needs a stored value's groups: the value is not defined
 * in the playbook `index`, or a change's source (or one of `paths`: the
 * differences a report counts) is the value or an L2 above it. Any other
 * value neither moves nor is orphaned, so its statuses need not be counted:
 * a plan over only the values this accepts equals the plan over all of them.
 */
export function planConcerns(
  index: PlaybookIndex,
  changes: readonly PlaybookChange[],
  paths: readonly string[] = [],
): (value: TaxonomyValue) => boolean {
  const watched = [...changes.flatMap(changeSources), ...paths];
  return (value) => {
    if (!taxonomyValueExists(index, value)) return true;
    const path = taxonomyPath(value);
    return watched.some((source) => path === source || path.startsWith(`${source}/`));
  };
}

/** "blocked/service_reliability: 42 statuses (1,234 seats)", for refusals and previews. */
export function describeOrphan(orphan: OrphanedValue): string {
  const parts = [
    `${count(orphan.statuses)} status${orphan.statuses === 1 ? "" : "es"} (${count(orphan.seats)} seats)`,
  ];
  if (orphan.workItems > 0)
    parts.push(`${count(orphan.workItems)} work item${orphan.workItems === 1 ? "" : "s"}`);
  const moved = orphan.movedTo
    ? `, declared as moving to ${orphan.movedTo}, which the playbook does not define`
    : "";
  return `${orphan.path}: ${parts.join(", ")}${moved}`;
}

function count(value: number): string {
  return value.toLocaleString("en-US");
}
