import { fileURLToPath } from "node:url";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { Database } from "./client.ts";
import { finishDeferredIndexes } from "./infra/deferred-indexes.ts";

/** The committed drizzle-kit migrations; the same files serve PGlite and the server. */
const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

/** Brings the schema up to date: the migrations, then any index a bulk load still owes. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    // biome-ignore lint/suspicious/noExplicitAny: both migrators accept the driver-specific database type
    await migratePglite(database.db as any, { migrationsFolder });
  } else {
    // biome-ignore lint/suspicious/noExplicitAny: see above
    await migratePg(database.db as any, { migrationsFolder });
  }
  // A seed interrupted after its rows committed left indexes to build (deferred-indexes.ts).
  await finishDeferredIndexes(database);
}
