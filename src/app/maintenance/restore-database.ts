import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { Database } from "../../db/client.ts";
import {
  appliedMigrations,
  holdsAnyRow,
  loadTableRows,
  resetSequences,
  setUserTriggers,
  tablesInLoadOrder,
} from "../../db/infra/table-dump.ts";
import { knownMigrations, runMigrations, runMigrationsUpTo } from "../../db/migrate.ts";
import { saidError } from "../../domain/app-error.ts";
import { backupFormat } from "./backup-database.ts";

export interface RestoreReport {
  /** The backup's schema version, and this Unblock's after migrating it. */
  fromMigrations: number;
  toMigrations: number;
  tables: number;
  rows: number;
}

interface Header {
  format: string;
  version: number;
  migrations: number;
  tables: string[];
}

/** Tables only people fill: a database with a row in any of them is in use, not empty. */
const dataTables = ["users", "customers", "tenants", "entitlements", "audit_log"];

/** The backup's lines, one JSON value each, streamed from the gzipped file. */
async function* backupLines(file: string): AsyncGenerator<Record<string, unknown>> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line !== "") yield JSON.parse(line) as Record<string, unknown>;
}

async function readHeader(file: string): Promise<Header> {
  try {
    for await (const first of backupLines(file)) {
      if (first.format === backupFormat && typeof first.migrations === "number")
        return first as unknown as Header;
      break;
    }
  } catch {
    // not gzip, not JSON: the same refusal below
  }
  throw saidError("validation_failed", "restore_not_backup", { file });
}

/**
 * Restores a backup into an empty database: migrates it to the backup's
 * schema version, loads every table in one transaction (the tables' own
 * triggers off, so history and aggregates are taken as they were), then runs
 * the migrations that came after, with their data changes. Refuses a backup
 * of a newer Unblock, a truncated file, and a database that holds rows. An
 * operator command, like backupDatabase.
 */
export async function restoreDatabase(database: Database, file: string): Promise<RestoreReport> {
  const header = await readHeader(file);
  const known = knownMigrations();
  if (header.migrations > known) {
    throw saidError("validation_failed", "restore_newer", { schema: header.migrations, known });
  }
  const before = await appliedMigrations(database);
  if (before > header.migrations || (before > 0 && (await holdsAnyRow(database, dataTables)))) {
    throw saidError("conflict", "restore_not_empty");
  }
  await runMigrationsUpTo(database, header.migrations);
  const counts = await database.bulkLoad(async (session) => {
    const tables = await tablesInLoadOrder(session);
    await setUserTriggers(session, tables, false);
    // Rows the migrations (and a server start) put in, such as report states and the service
    // catalogue: the backup holds its own.
    await session.execute(`truncate ${tables.map((table) => `"${table}"`).join(", ")}`);
    let table: string | null = null;
    let rows = 0;
    let complete = false;
    for await (const line of backupLines(file)) {
      if (typeof line.table === "string") table = line.table;
      else if (Array.isArray(line.rows) && table) {
        await loadTableRows(session, table, line.rows as string[]);
        rows += line.rows.length;
      } else if (line.end === true) complete = line.rows === rows;
    }
    if (!complete) throw saidError("validation_failed", "restore_truncated", { file });
    await setUserTriggers(session, tables, true);
    await resetSequences(session);
    return { tables: header.tables.length, rows };
  });
  await runMigrations(database);
  return { fromMigrations: header.migrations, toMigrations: known, ...counts };
}
