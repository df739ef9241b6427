import { type Database, openDatabase } from "../../src/db/client.ts";
import type { TestDatabase } from "./test-database.ts";

/**
 * Another handle on the same test database, as a second server would hold:
 * its own connection pool on PostgreSQL; the same in-memory PGlite otherwise
 * (one process can hold it once). Close it before the database.
 */
export async function secondHandle(
  database: TestDatabase,
): Promise<Database & { closeIfOwn(): Promise<void> }> {
  if (!database.url) return { ...database, closeIfOwn: async () => undefined };
  const other = await openDatabase({ url: database.url, poolSize: 4 });
  return { ...other, closeIfOwn: () => other.close() };
}
