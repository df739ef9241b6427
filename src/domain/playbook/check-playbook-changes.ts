import type { AddProblem, PlaybookPath } from "./check-playbook.ts";
import { indexPlaybook } from "./playbook-index.ts";
import type { Playbook } from "./playbook-schema.ts";
import { changeSources, compareVersions, parseTaxonomyPath, taxonomyValueExists } from "./taxonomy-remap.ts";

/**
 * Cross-references of the `changes:` section (docs/PLAYBOOK-VERSIONS.md):
 * each change belongs to this version or an earlier one, sends statuses to
 * values this playbook defines under the same L1, and takes them from values
 * it no longer defines (except a split, which may keep its source as a part,
 * and a merge into one of its sources). Whether the L3s an L2 carries along
 * exist under its new L2 depends on the stored values: `playbook apply` and
 * the start-up check judge that.
 */
export function checkPlaybookChanges(playbook: Playbook, add: AddProblem): void {
  const changes = playbook.changes ?? [];
  const index = indexPlaybook(playbook);
  const serviceIds = new Set(index.services().map((service) => service.id));
  const sourcesByVersion = new Map<string, Set<string>>();
  changes.forEach((change, position) => {
    const at: PlaybookPath = ["changes", position];
    if (compareVersions(change.version, playbook.version) > 0) {
      add([...at, "version"], "change_after_version", "change_after_version", {
        version: change.version,
        current: playbook.version,
      });
    }
    const targets =
      change.kind === "split"
        ? change.into.map((part, i) => ({ path: part.to, at: [...at, "into", i, "to"] }))
        : [
            {
              path: change.kind === "retire" ? change.replacedBy : change.to,
              at: [...at, change.kind === "retire" ? "replacedBy" : "to"],
            },
          ];
    const sources = changeSources(change).map((path, i) => ({
      path,
      at: change.kind === "merge" ? [...at, "from", i] : [...at, "from"],
    }));
    for (const target of targets) {
      if (!taxonomyValueExists(index, parseTaxonomyPath(target.path))) {
        add(target.at, "unknown_target", "change_unknown_target", { path: target.path });
      }
    }
    const seen = sourcesByVersion.get(change.version) ?? new Set<string>();
    sourcesByVersion.set(change.version, seen);
    for (const source of sources) {
      const from = parseTaxonomyPath(source.path);
      if (!index.l1(from.l1)) add(source.at, "unknown_l1", "change_unknown_l1", { l1: from.l1 });
      if (targets.some((target) => parseTaxonomyPath(target.path).l1 !== from.l1)) {
        add(source.at, "l1_changed", "change_l1_changed", { path: source.path });
      }
      const kept = change.kind === "split" || targets.some((target) => target.path === source.path);
      if (!kept && taxonomyValueExists(index, from)) {
        add(source.at, "source_still_defined", "change_source_still_defined", {
          path: source.path,
          kind: change.kind,
        });
      }
      if (seen.has(source.path)) {
        add(source.at, "duplicate_source", "change_duplicate_source", {
          version: change.version,
          path: source.path,
        });
      }
      seen.add(source.path);
    }
    if (change.kind === "split") {
      const splitsL3 = parseTaxonomyPath(change.from).l3 !== null;
      change.into.forEach((part, i) => {
        part.services?.forEach((service, j) => {
          if (!serviceIds.has(service)) {
            add([...at, "into", i, "services", j], "unknown_service", "change_unknown_service", { service });
          }
        });
        if (part.l3s && splitsL3) {
          add([...at, "into", i, "l3s"], "l3s_on_l3", "change_l3s_on_l3");
        }
      });
    }
  });
}
