import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

interface Journal {
  entries: { tag: string }[];
}

function readJournal(): Journal {
  return JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8")) as Journal;
}

/** How many migrations this version of Unblock has: its schema version. */
export function knownMigrations(): number {
  return readJournal().entries.length;
}

/**
 * Runs only the first `count` migrations, as an older Unblock would have: a
 * backup taken at that version is loaded into that schema, and the rest of
 * the migrations (with their data changes) run on it afterwards.
 */
export async function runMigrationsUpTo(database: Database, count: number): Promise<void> {
  const journal = readJournal();
  const folder = mkdtempSync(join(tmpdir(), "unblock-migrations-"));
  try {
    mkdirSync(join(folder, "meta"));
    const entries = journal.entries.slice(0, count);
    writeFileSync(join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
    for (const { tag } of entries)
      copyFileSync(join(migrationsFolder, `${tag}.sql`), join(folder, `${tag}.sql`));
    if (database.kind === "pglite") {
      // biome-ignore lint/suspicious/noExplicitAny: both migrators accept the driver-specific database type
      await migratePglite(database.db as any, { migrationsFolder: folder });
    } else {
      // biome-ignore lint/suspicious/noExplicitAny: see above
      await migratePg(database.db as any, { migrationsFolder: folder });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
