import type { BulkSession } from "../../db/client.ts";
import {
  type FeedFileState,
  lastFileStates,
  type SyncCounts,
} from "../../db/repositories/portfolio-sync-repository.ts";
import { feedTableChecksum, hasTableChecksum } from "../../db/sql/feed-checksum-sql.ts";
import type { FeedFileName } from "../../domain/feed/feed-files.ts";
import type { FeedRowError } from "../../domain/feed/feed-row-error.ts";
import { hashFeedFile } from "./hash-feed-file.ts";
import type { FeedFile } from "./read-feed-folder.ts";

/** The files a file's rows refer to: it is only skipped when these are too (or absent). */
const dependsOn: Record<FeedFileName, readonly FeedFileName[]> = {
  customers: [],
  tenants: ["customers"],
  entitlements: ["tenants"],
  people: ["customers", "tenants"],
  usage: ["tenants"],
};

export interface UnchangedFiles {
  /** The bytes' hash of every file given. */
  hashes: Map<FeedFileName, string>;
  /** Files with nothing to write, with the state the last sync left them in. */
  skipped: Map<FeedFileName, FeedFileState>;
}

/**
 * Finds the files a sync has nothing to do for: the same bytes as the newest
 * applied sync given them, read by the same playbook, over a table that still
 * holds what that sync left (its checksum, taken in this transaction), and
 * whose referenced files are skipped too. A full sync skips a file only after
 * a full one, since only then is nothing else open in its table. Reading,
 * checking and comparing a daily feed whose customers and tenants did not
 * change then costs a hash and a table scan instead of a parse.
 */
export async function findUnchangedFiles(
  session: BulkSession,
  files: readonly FeedFile[],
  sync: { full: boolean; playbookVersion: string },
): Promise<UnchangedFiles> {
  const states = await lastFileStates(session);
  const present = new Set(files.map((file) => file.name));
  const result: UnchangedFiles = { hashes: new Map(), skipped: new Map() };
  for (const file of files) {
    const sha256 = await hashFeedFile(file.path);
    result.hashes.set(file.name, sha256);
    const last = states.get(file.name);
    const candidate =
      last &&
      hasTableChecksum(file.name) &&
      last.sha256 === sha256 &&
      last.playbookVersion === sync.playbookVersion &&
      (last.full || !sync.full) &&
      dependsOn[file.name].every((other) => !present.has(other) || result.skipped.has(other));
    if (candidate && (await feedTableChecksum(session, file.name)) === last.checksum) {
      result.skipped.set(file.name, last);
    }
  }
  return result;
}

/** A skipped file's counts: every valid row of it unchanged. */
export function unchangedCounts(state: FeedFileState): SyncCounts {
  return { added: 0, changed: 0, unchanged: state.rows, ended: 0 };
}

/**
 * The states an applied sync leaves, for the next one to compare with: a
 * skipped file keeps its state; a file with refused rows (applied with
 * --partial) or without a table checksum gets none, so it is read again.
 */
export async function fileStatesAfter(
  session: BulkSession,
  unchanged: UnchangedFiles,
  report: Record<FeedFileName, SyncCounts> & { rejected: readonly FeedRowError[] },
  sync: { full: boolean; playbookVersion: string },
): Promise<Record<string, FeedFileState | null>> {
  const states: Record<string, FeedFileState | null> = {};
  for (const [file, sha256] of unchanged.hashes) {
    const kept = unchanged.skipped.get(file);
    const refused = report.rejected.some((error) => error.file === file);
    const checksum = kept || refused ? null : await feedTableChecksum(session, file);
    const counts = report[file];
    states[file] =
      kept ??
      (checksum === null
        ? null
        : { sha256, rows: counts.added + counts.changed + counts.unchanged, checksum, ...sync });
  }
  return states;
}
