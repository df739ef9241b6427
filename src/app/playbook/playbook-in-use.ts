import type { Db } from "../../db/client.ts";
import {
  historyPlaybookVersions,
  latestPlaybookVersion,
  type PlaybookVersionRecord,
  playbookVersionContent,
} from "../../db/repositories/playbook-version-repository.ts";
import type { Playbook } from "../../domain/playbook/playbook-schema.ts";
import { compareVersions } from "../../domain/playbook/taxonomy-remap.ts";
import { checkPlaybookBytes } from "./read-playbook-file.ts";

/** The playbook the stored statuses follow, as the database records it. */
export interface PlaybookInUse {
  /** The version recorded last; null on a database that recorded none yet. */
  recorded: PlaybookVersionRecord | null;
  /** Its file, read again from the record; null when none is recorded (or it no longer reads). */
  playbook: Playbook | null;
  /**
   * The version the stored statuses were judged by: the recorded one, else
   * the newest the history names, else null (nothing stored yet). A new
   * file's changes declared after it are the ones still to apply.
   */
  fromVersion: string | null;
}

/** Parsed recorded files by their digest: a row never changes, and equal digests are equal files. */
const parsed = new Map<string, Playbook | null>();

/** Reads the version in use (call inside the transaction that decides on a new one, after its lock). */
export async function playbookInUse(db: Db): Promise<PlaybookInUse> {
  const recorded = await latestPlaybookVersion(db);
  if (recorded) {
    return { recorded, playbook: await recordedPlaybook(db, recorded), fromVersion: recorded.version };
  }
  const versions = (await historyPlaybookVersions(db)).filter((version) => /^\d+\.\d+\.\d+$/.test(version));
  const newest = versions.sort(compareVersions).at(-1) ?? null;
  return { recorded: null, playbook: null, fromVersion: newest };
}

/** The playbook of a recorded version, parsed once per process. */
export async function recordedPlaybook(
  db: Db,
  record: { id: number; sha256: string },
): Promise<Playbook | null> {
  if (!parsed.has(record.sha256)) {
    const content = await playbookVersionContent(db, record.id);
    const playbook = content === null ? null : checkPlaybookBytes(Buffer.from(content, "utf8")).playbook;
    parsed.set(record.sha256, playbook);
  }
  return parsed.get(record.sha256) ?? null;
}
