import { type Database, openDatabase } from "../../db/client.ts";

/**
 * Opens the configured database as it is, without migrating it or loading
 * the playbook: what backup and restore need, since restore must choose the
 * schema version itself. Closed when `work` settles.
 */
export async function withOperatorDatabase<T>(
  options: { databaseUrl?: string | undefined; dataDir?: string | undefined },
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
