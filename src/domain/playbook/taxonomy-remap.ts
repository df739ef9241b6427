import type { PlaybookChange } from "./playbook-changes-schema.ts";
import type { PlaybookIndex } from "./playbook-index.ts";

/**
 * How stored taxonomy values move through a playbook's declared changes
 * (docs/PLAYBOOK-VERSIONS.md). Pure: the callers read the stored values and
 * the recorded versions.
 */

/** A stored classification: L1, and the L2 and L3 ids (null when none). */
export interface TaxonomyValue {
  l1: string;
  l2: string | null;
  l3: string | null;
}

/** "blocked/service_reliability/other" -> its parts. */
export function parseTaxonomyPath(path: string): TaxonomyValue {
  const [l1 = "", l2, l3] = path.split("/");
  return { l1, l2: l2 ?? null, l3: l3 ?? null };
}

/** The path people read and `changes:` entries use: l1, l1/l2 or l1/l2/l3. */
export function taxonomyPath(value: TaxonomyValue): string {
  return [value.l1, value.l2, value.l2 === null ? null : value.l3].filter((part) => part !== null).join("/");
}

/** Orders semantic versions ("1.10.0" after "1.9.0"); negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The changes a value recorded under `fromVersion` goes through to reach
 * `toVersion`: those declared by a later version, up to `toVersion`, in
 * version order (file order within one version). `fromVersion` null: every
 * declared change up to `toVersion`.
 */
export function changesBetween(
  changes: readonly PlaybookChange[],
  fromVersion: string | null,
  toVersion: string,
): PlaybookChange[] {
  return changes
    .map((change, position) => ({ change, position }))
    .filter(
      ({ change }) =>
        (fromVersion === null || compareVersions(change.version, fromVersion) > 0) &&
        compareVersions(change.version, toVersion) <= 0,
    )
    .sort((a, b) => compareVersions(a.change.version, b.change.version) || a.position - b.position)
    .map(({ change }) => change);
}

/** The paths a change takes statuses from. */
export function changeSources(change: PlaybookChange): string[] {
  return change.kind === "merge" ? change.from : [change.from];
}

/** The paths a change may send statuses to. */
export function changeTargets(change: PlaybookChange): string[] {
  if (change.kind === "split") return change.into.map((part) => part.to);
  return [change.kind === "retire" ? change.replacedBy : change.to];
}

/**
 * Where one change sends a value, or null when it does not apply. A source
 * naming an L3 matches that L3 only and its target's L3 (or none) replaces
 * it; a source naming an L2 matches every L3 under it, which is kept unless
 * the target names one. A split takes the first part whose services and L3s
 * match, and leaves the value alone when none does.
 */
export function applyChange(
  change: PlaybookChange,
  value: TaxonomyValue,
  serviceId: string | null,
): TaxonomyValue | null {
  const source = changeSources(change)
    .map(parseTaxonomyPath)
    .find(
      (from) => from.l1 === value.l1 && from.l2 === value.l2 && (from.l3 === null || from.l3 === value.l3),
    );
  if (!source) return null;
  let target: string | undefined;
  if (change.kind === "split") {
    target = change.into.find(
      (part) =>
        (!part.services || (serviceId !== null && part.services.includes(serviceId))) &&
        (!part.l3s || (value.l3 !== null && part.l3s.includes(value.l3))),
    )?.to;
  } else target = change.kind === "retire" ? change.replacedBy : change.to;
  if (target === undefined) return null;
  const to = parseTaxonomyPath(target);
  return { l1: to.l1, l2: to.l2, l3: to.l3 ?? (source.l3 === null ? value.l3 : null) };
}

export interface RemapTrace {
  value: TaxonomyValue;
  /** The changes that moved it, in order (indexes into the list given). */
  applied: number[];
}

/**
 * Moves a value through `changes` (already in order, e.g. from changesBetween).
 * Within one version an L3-level change goes before an L2-level one, and a
 * value moves at most once per version: the changes of a version describe one
 * step from the taxonomy before it.
 */
export function remapValue(
  changes: readonly PlaybookChange[],
  value: TaxonomyValue,
  serviceId: string | null,
): RemapTrace {
  let current = value;
  const applied: number[] = [];
  let index = 0;
  while (index < changes.length) {
    const version = changes[index]!.version;
    let end = index;
    while (end < changes.length && changes[end]!.version === version) end++;
    const step = [...changes.keys()].slice(index, end);
    const ordered = [
      ...step.filter((i) => changeSources(changes[i]!).some((path) => path.split("/").length === 3)),
      ...step.filter((i) => !changeSources(changes[i]!).some((path) => path.split("/").length === 3)),
    ];
    for (const i of ordered) {
      const moved = applyChange(changes[i]!, current, serviceId);
      if (moved) {
        current = moved;
        applied.push(i);
        break;
      }
    }
    index = end;
  }
  return { value: current, applied };
}

/** Whether the playbook defines the value (an L3 is not checked against its services here). */
export function taxonomyValueExists(index: PlaybookIndex, value: TaxonomyValue): boolean {
  if (!index.l1(value.l1)) return false;
  if (value.l2 === null) return value.l3 === null;
  const l2 = index.l2(value.l1, value.l2);
  if (!l2) return false;
  return value.l3 === null || l2.l3s.some((l3) => l3.id === value.l3);
}
