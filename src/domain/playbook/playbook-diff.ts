import type { PlaybookChange } from "./playbook-changes-schema.ts";
import type { Playbook } from "./playbook-schema.ts";
import { changeSources, changesBetween, changeTargets } from "./taxonomy-remap.ts";

/** An L2 or L3 that differs between two playbooks. */
export interface TaxonomyDifference {
  /** added / removed: the id exists in one playbook only; renamed: same id, another name. */
  kind: "added" | "removed" | "renamed";
  /** l1/l2 or l1/l2/l3. */
  path: string;
  /** The name in the old playbook (removed, renamed) or the new one (added). */
  name: string;
  /** renamed: the new name. */
  newName: string | null;
  /** Whether a `changes:` entry of the new playbook covers it (moves from it, or to it). */
  declared: boolean;
}

export interface PlaybookDiff {
  from: { id: string; version: string };
  to: { id: string; version: string };
  /** The new playbook's changes declared after the old version, in the order they apply. */
  declared: PlaybookChange[];
  differences: TaxonomyDifference[];
}

/** Every L2 and L3 of a playbook by path, with its name. */
function taxonomyNames(playbook: Playbook): Map<string, string> {
  const names = new Map<string, string>();
  for (const l1 of playbook.l1s) {
    for (const l2 of l1.l2s) {
      names.set(`${l1.id}/${l2.id}`, l2.name);
      for (const l3 of l2.l3s) names.set(`${l1.id}/${l2.id}/${l3.id}`, l3.name);
    }
  }
  return names;
}

/**
 * What changed in the taxonomy from `old` to `next`: the changes `next`
 * declares since `old`'s version, and every L2 and L3 added, removed or
 * renamed in words, each marked declared or not. A removed value no change
 * covers is what would leave stored statuses without a mapping.
 */
export function diffPlaybooks(old: Playbook, next: Playbook): PlaybookDiff {
  const declared = changesBetween(next.changes ?? [], old.version, next.version);
  const sources = new Set(declared.flatMap(changeSources));
  const targets = new Set(declared.flatMap(changeTargets));
  // An L3 is covered by a change of its own path or of its L2's.
  const covered = (paths: Set<string>, path: string) =>
    paths.has(path) || paths.has(path.split("/").slice(0, 2).join("/"));
  const before = taxonomyNames(old);
  const after = taxonomyNames(next);
  const differences: TaxonomyDifference[] = [];
  for (const [path, name] of before) {
    const newName = after.get(path);
    if (newName === undefined) {
      differences.push({ kind: "removed", path, name, newName: null, declared: covered(sources, path) });
    } else if (newName !== name) {
      differences.push({ kind: "renamed", path, name, newName, declared: true });
    }
  }
  for (const [path, name] of after) {
    if (!before.has(path)) {
      differences.push({ kind: "added", path, name, newName: null, declared: covered(targets, path) });
    }
  }
  return {
    from: { id: old.id, version: old.version },
    to: { id: next.id, version: next.version },
    declared,
    differences,
  };
}
