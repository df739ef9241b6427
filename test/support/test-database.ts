import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.ts";
import { runMigrations } from "../../src/db/migrate.ts";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default,
 * or a new throw-away database on the server named by DATABASE_URL (dropped on close),
 * so the same suite proves both drivers. Migrated databases start as a copy of the
 * run's template (test/support/database-template.ts), migrated once for the run.
 */
export type TestDatabase = Database & {
  /** The server database's address, for a second handle on it (a second server); none on PGlite. */
  url?: string;
};

export async function openTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const template = migrate ? inject("pgliteTemplate") : "";
    if (template)
      return openDatabase({ dataDir: "memory://", loadDataDir: new Blob([await readFile(template)]) });
    const database = await openDatabase({ dataDir: "memory://" });
    if (migrate) await runMigrations(database);
    return database;
  }
  const name = `unblock_test_${randomBytes(6).toString("hex")}`;
  const template = migrate ? inject("serverTemplate") : "";
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 4 });
  if (migrate && !template) await runMigrations(database);
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
