import { listPlaybookVersionRecords } from "../../db/repositories/playbook-version-repository.ts";
import type { PlaybookChange } from "../../domain/playbook/playbook-changes-schema.ts";
import type { Playbook } from "../../domain/playbook/playbook-schema.ts";
import { type TaxonomyMapRow, taxonomyMapRows } from "../../domain/playbook/taxonomy-map.ts";
import { compareVersions } from "../../domain/playbook/taxonomy-remap.ts";
import type { CountedChange } from "../../http/schemas/playbook-versions.ts";
import type { AppDeps } from "../app-deps.ts";
import { recordedPlaybook } from "./playbook-in-use.ts";

const cache = new Map<string, TaxonomyMapRow[]>();
/** The map last built for each playbook (by digest), for readers that cannot wait on the database. */
const latest = new Map<string, TaxonomyMapRow[]>();

/**
 * The map last built for the playbook in use, without a database read: the
 * server builds it at start (recordPlaybookAtStart) and after an apply. Empty
 * before that, which reads history as written.
 */
export function cachedTaxonomyMap(deps: AppDeps): readonly TaxonomyMapRow[] {
  return latest.get(deps.playbook.sha256) ?? [];
}

/**
 * The map that reads history in the current taxonomy (taxonomy-map.ts): every
 * change the playbook in use declares or a recorded version applied, up to
 * the version in use. Empty when no change was ever declared, which keeps
 * reports that join it as fast as without. Built once per playbook and set
 * of recorded versions.
 */
export async function currentTaxonomyMap(deps: AppDeps): Promise<TaxonomyMapRow[]> {
  const current = deps.playbook.index.playbook;
  const records = await listPlaybookVersionRecords(deps.database.db);
  const key = `${deps.playbook.sha256}:${records.map((record) => record.id).join(",")}`;
  const cached = cache.get(key);
  if (cached) {
    latest.set(deps.playbook.sha256, cached);
    return cached;
  }
  const declared = [
    ...(current.changes ?? []),
    ...records.flatMap((record) =>
      Array.isArray(record.changes)
        ? (record.changes as CountedChange[]).map((counted) => counted.change)
        : [],
    ),
  ];
  const changes = distinct(declared).filter(
    (change) => compareVersions(change.version, current.version) <= 0,
  );
  let rows: TaxonomyMapRow[] = [];
  if (changes.length > 0) {
    const known: Playbook[] = [current];
    for (const record of records) {
      const playbook = await recordedPlaybook(deps.database.db, record);
      if (playbook) known.push(playbook);
    }
    const services = deps.playbook.index.services().map((service) => service.id);
    rows = taxonomyMapRows(changes, known, services);
  }
  cache.set(key, rows);
  latest.set(deps.playbook.sha256, rows);
  return rows;
}

/** Each change once: the file's and the recorded copy (jsonb orders keys its own way) are the same change. */
function distinct(changes: readonly PlaybookChange[]): PlaybookChange[] {
  const seen = new Map<string, PlaybookChange>();
  for (const change of changes) seen.set(JSON.stringify(sortedKeys(change)), change);
  return [...seen.values()];
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, each]) => [key, sortedKeys(each)]),
  );
}
