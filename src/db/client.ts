import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** The one database type the repositories see, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseOptions {
  /** PostgreSQL server URL; when absent, an embedded PGlite database is used. */
  url?: string | undefined;
  /** PGlite data directory; "memory://" keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** pg pool size (server only). */
  poolSize?: number;
}

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs raw SQL text (migrations' helpers, benchmarks); parameters are bound, never interpolated. */
  execute(sqlText: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // Dates stay strings (YYYY-MM-DD): a Date object would shift by the server's time zone.
    pool.on("connect", () => undefined);
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      execute: async (sqlText, params = []) => {
        const result = await pool.query(sqlText, params);
        return { rows: result.rows };
      },
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  // pg_trgm backs the free-text search indexes; the server ships it with PostgreSQL's contrib modules.
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    execute: async (sqlText, params = []) => {
      const result = await client.query<Record<string, unknown>>(sqlText, params);
      return { rows: result.rows };
    },
    close: () => client.close(),
  };
}
