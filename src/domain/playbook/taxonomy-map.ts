import type { PlaybookChange } from "./playbook-changes-schema.ts";
import type { Playbook } from "./playbook-schema.ts";
import { changeSources, compareVersions, parseTaxonomyPath, remapValue } from "./taxonomy-remap.ts";

/**
 * History read in the current taxonomy (docs/PLAYBOOK-VERSIONS.md): a table
 * from the values history rows hold, by the playbook version they were
 * written under, to today's L2 and L3. Queries join it (taxonomy-map-sql.ts)
 * so a renamed L2 reads as one line across the rename.
 *
 * A row of history at version w went through the changes declared after w.
 * Those differ only between change versions, so the table has a band per
 * change version: rows at or after `minVersion` and before `maxVersion`.
 */
export interface TaxonomyMapRow {
  /** Inclusive; null: no lower bound. */
  minVersion: string | null;
  /** Exclusive. */
  maxVersion: string;
  l1: string;
  l2: string;
  /** "" for none, "*" for any L3 not listed on its own row. */
  l3: string;
  /** "*" for any service not listed on its own row. */
  serviceId: string;
  toL2: string;
  /** "" for none, "*" to keep the L3 as written. */
  toL3: string;
}

/**
 * The map for `changes` (every change ever declared, any order). The values
 * it lists are the changes' sources, with each L3 that any known playbook
 * (the current one, recorded versions) defines under a source L2, plus "no
 * L3" and "any other L3"; per service only when a split chooses by service.
 * Only values that move are listed.
 */
export function taxonomyMapRows(
  changes: readonly PlaybookChange[],
  known: readonly Playbook[],
  serviceIds: readonly string[],
): TaxonomyMapRow[] {
  const versions = [...new Set(changes.map((change) => change.version))].sort(compareVersions);
  const bySplitService = changes.some(
    (change) => change.kind === "split" && change.into.some((part) => part.services),
  );
  const services = bySplitService ? [...serviceIds, "*"] : ["*"];
  const values = candidateValues(changes, known);
  const rows: TaxonomyMapRow[] = [];
  versions.forEach((maxVersion, band) => {
    const minVersion = band === 0 ? null : versions[band - 1]!;
    const applying = changes
      .filter((change) => compareVersions(change.version, maxVersion) >= 0)
      .map((change, position) => ({ change, position }))
      .sort((a, b) => compareVersions(a.change.version, b.change.version) || a.position - b.position)
      .map(({ change }) => change);
    for (const value of values) {
      for (const serviceId of services) {
        const l3 = value.l3 === "*" ? null : value.l3 === "" ? null : value.l3;
        const traced = remapValue(
          applying,
          { l1: value.l1, l2: value.l2, l3 },
          serviceId === "*" ? null : serviceId,
        );
        if (traced.applied.length === 0 || traced.value.l2 === null) continue;
        const keepsL3 = value.l3 === "*" && traced.value.l3 === null && !namesL3(applying, traced.applied);
        rows.push({
          minVersion,
          maxVersion,
          l1: value.l1,
          l2: value.l2,
          l3: value.l3,
          serviceId,
          toL2: traced.value.l2,
          toL3: keepsL3 ? "*" : (traced.value.l3 ?? ""),
        });
      }
    }
  });
  return rows;
}

/** Whether any of the applied changes named an L3 (as source or target): then "any other L3" was not carried. */
function namesL3(changes: readonly PlaybookChange[], applied: readonly number[]): boolean {
  return applied.some((i) => {
    const change = changes[i]!;
    const paths = [
      ...changeSources(change),
      ...(change.kind === "split"
        ? change.into.map((part) => part.to)
        : [change.kind === "retire" ? change.replacedBy : change.to]),
    ];
    return paths.some((path) => path.split("/").length === 3);
  });
}

/** The change sources, each L2 one with its known L3s, no L3 ("") and any other ("*"). */
function candidateValues(changes: readonly PlaybookChange[], known: readonly Playbook[]) {
  const values = new Map<string, { l1: string; l2: string; l3: string }>();
  const add = (l1: string, l2: string, l3: string) => values.set(`${l1}/${l2}/${l3}`, { l1, l2, l3 });
  for (const change of changes) {
    for (const path of changeSources(change)) {
      const source = parseTaxonomyPath(path);
      if (source.l2 === null) continue;
      if (source.l3 !== null) {
        add(source.l1, source.l2, source.l3);
        continue;
      }
      add(source.l1, source.l2, "");
      add(source.l1, source.l2, "*");
      for (const playbook of known) {
        const l2 = playbook.l1s.find((l1) => l1.id === source.l1)?.l2s.find((each) => each.id === source.l2);
        for (const l3 of l2?.l3s ?? []) add(source.l1, source.l2, l3.id);
      }
    }
  }
  return [...values.values()];
}

/**
 * A value written under playbook `version` read in today's taxonomy through
 * `map`: the rule taxonomy-map-sql.ts applies in SQL (its own L3 and service
 * before "any"), for readers that hold a few history rows in memory.
 */
export function currentValueOf(
  map: readonly TaxonomyMapRow[],
  written: { version: string | null; l1: string; l2: string | null; l3: string | null; serviceId: string },
): { l2: string | null; l3: string | null } {
  const { version, l1, l2, l3, serviceId } = written;
  if (l2 === null || version === null || !/^\d+\.\d+\.\d+$/.test(version)) return { l2, l3 };
  const row = map
    .filter(
      (m) =>
        m.l1 === l1 &&
        m.l2 === l2 &&
        (m.l3 === (l3 ?? "") || m.l3 === "*") &&
        (m.serviceId === serviceId || m.serviceId === "*") &&
        compareVersions(version, m.maxVersion) < 0 &&
        (m.minVersion === null || compareVersions(version, m.minVersion) >= 0),
    )
    .sort(
      (a, b) =>
        Number(a.l3 === "*") - Number(b.l3 === "*") ||
        Number(a.serviceId === "*") - Number(b.serviceId === "*"),
    )[0];
  if (!row) return { l2, l3 };
  return { l2: row.toL2, l3: row.toL3 === "*" ? l3 : row.toL3 === "" ? null : row.toL3 };
}
