import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { createGzip } from "node:zlib";
import type { Database } from "../../db/client.ts";
import { appliedMigrations, dumpTableRows, tablesInLoadOrder } from "../../db/infra/table-dump.ts";

/** What `unblock backup` wrote. */
export interface BackupReport {
  file: string;
  /** The schema version (migrations run) the rows belong to. */
  migrations: number;
  tables: number;
  rows: number;
}

export const backupFormat = "unblock-backup";

/**
 * Writes every table of the database (portfolio, history, audit, users,
 * sessions, tokens, jobs, ...) to one gzipped JSON Lines file: a header with
 * the schema version, then per table its name and its rows as PostgreSQL's
 * row text, then an end line, so a truncated file is recognised. Read in one
 * transaction: the file is a consistent snapshot even while the server
 * writes. An operator command: whoever runs it holds the database already.
 */
export async function backupDatabase(database: Database, file: string): Promise<BackupReport> {
  const gzip = createGzip();
  const out = createWriteStream(file);
  gzip.pipe(out);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, "drain");
  };
  const report = await database.bulkLoad(async (session) => {
    await session.execute("set transaction isolation level repeatable read, read only");
    const migrations = await appliedMigrations(session);
    const tables = await tablesInLoadOrder(session);
    await write({ format: backupFormat, version: 1, migrations, tables, takenAt: new Date().toISOString() });
    let rows = 0;
    for (const table of tables) {
      await write({ table });
      rows += await dumpTableRows(session, table, (page) => write({ rows: page }));
    }
    await write({ end: true, tables: tables.length, rows });
    return { file, migrations, tables: tables.length, rows };
  });
  gzip.end();
  await once(out, "finish");
  return report;
}
