import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { playbookVersions } from "../schema.ts";

/** A recorded playbook version, without its file. */
export interface PlaybookVersionRecord {
  id: number;
  playbookId: string;
  version: string;
  sha256: string;
  effectiveAt: Date;
  appliedBy: string | null;
  appliedByEmail: string;
  source: string;
  path: string;
  changes: unknown;
  remappedStatuses: number;
}

export type NewPlaybookVersion = Omit<PlaybookVersionRecord, "id"> & { content: string };

const columns = {
  id: playbookVersions.id,
  playbookId: playbookVersions.playbookId,
  version: playbookVersions.version,
  sha256: playbookVersions.sha256,
  effectiveAt: playbookVersions.effectiveAt,
  appliedBy: playbookVersions.appliedBy,
  appliedByEmail: playbookVersions.appliedByEmail,
  source: playbookVersions.source,
  path: playbookVersions.path,
  changes: playbookVersions.changes,
  remappedStatuses: playbookVersions.remappedStatuses,
};

/** The playbook in use: the version recorded last, or null before the first. */
export async function latestPlaybookVersion(db: Db): Promise<PlaybookVersionRecord | null> {
  const [row] = await db.select(columns).from(playbookVersions).orderBy(desc(playbookVersions.id)).limit(1);
  return row ?? null;
}

/** Every recorded version, oldest first (in the order they were recorded). */
export function listPlaybookVersionRecords(db: Db): Promise<PlaybookVersionRecord[]> {
  return db.select(columns).from(playbookVersions).orderBy(playbookVersions.id);
}

/** The file a version was applied from. */
export async function playbookVersionContent(db: Db, id: number): Promise<string | null> {
  const [row] = await db
    .select({ content: playbookVersions.content })
    .from(playbookVersions)
    .where(eq(playbookVersions.id, id));
  return row?.content ?? null;
}

export async function insertPlaybookVersion(db: Db, row: NewPlaybookVersion): Promise<PlaybookVersionRecord> {
  const [inserted] = await db.insert(playbookVersions).values(row).returning(columns);
  return inserted!;
}

/**
 * Makes the rest of the transaction the only one deciding which playbook is
 * in use: servers starting together, and an apply, wait for each other and
 * then see what the one before wrote.
 */
export async function lockPlaybookVersions(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended('playbook_versions', 0))`);
}

/**
 * The playbook versions the status history names. Read once, on a database
 * that recorded no version yet (it predates them): the newest of these is
 * the version its statuses were judged by.
 */
export async function historyPlaybookVersions(db: Db): Promise<string[]> {
  const rows = await rowsOf<{ version: string }>(
    db,
    sql`select distinct playbook_version as "version" from status_history`,
  );
  return rows.map((row) => row.version);
}
