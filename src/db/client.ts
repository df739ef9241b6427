import { mkdirSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { channelListener } from "./infra/channel-listener.ts";
import { readSnapshot, type SnapshotSession } from "./infra/copy-out.ts";
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
  /**
   * PGlite only: start from this dumped data directory instead of an empty one
   * (the test suite's migrated template: no initdb, no migrations per file).
   */
  loadDataDir?: Blob | undefined;
}

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs raw SQL text (migrations' helpers, benchmarks); parameters are bound, never interpolated. */
  execute(sqlText: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /**
   * Runs `work` in one transaction on one connection that can COPY: the bulk
   * path of seeds, many times faster than INSERTs for millions of rows. The
   * transaction commits when `work` resolves and rolls back when it throws.
   */
  bulkLoad<T>(work: (session: BulkSession) => Promise<T>): Promise<T>;
  /**
   * A PostgreSQL server only: runs `work` on one connection in one read-only
   * snapshot, where COPY ... TO STDOUT streams (copy-out.ts). Absent on PGlite,
   * whose COPY TO hands back its whole output at once.
   */
  readSnapshot?<T>(work: (session: SnapshotSession) => Promise<T>): Promise<T>;
  /**
   * Calls `handler` whenever another connection notifies `channel` (and when
   * notifications may have been missed). On PGlite, which one process owns,
   * there is no other server to hear from: nothing happens.
   */
  listen(channel: string, handler: () => void): Promise<void>;
  /** Tells the connections listening on `channel`; nothing on PGlite. */
  notify(channel: string): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tar, for `loadDataDir` (the tests' migrated template). */
  dumpDataDir?(): Promise<Blob>;
  /** What the metrics report (GET /metrics); absent on handles made for a benchmark. */
  stats?(): DatabaseStats;
}

/** Statements sent since the handle opened, and on a server the pool's connections now. */
export interface DatabaseStats {
  queries: number;
  pool?: { max: number; total: number; idle: number; waiting: number };
}

/** Counts the statements Drizzle sends (its logger hears each one, in transactions too). */
function statementCounter() {
  const counter = {
    queries: 0,
    logger: {
      logQuery: () => {
        counter.queries += 1;
      },
    },
  };
  return counter;
}

export interface BulkSession {
  execute(sqlText: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /**
   * COPY FROM in PostgreSQL's text format: one row per line, tab-separated, \N for null (see
   * copy-text.ts). `freeze` writes the rows frozen and their pages all-visible; PostgreSQL allows it
   * only into a table created or truncated in this transaction.
   */
  copy(
    table: string,
    columns: readonly string[],
    text: string | Uint8Array<ArrayBuffer>,
    options?: CopyOptions,
  ): Promise<void>;
}

export interface CopyOptions {
  freeze?: boolean;
}

/** COPY ... FROM for schema names only (never data): quoted identifiers. */
function copyStatement(
  table: string,
  columns: readonly string[],
  source: string,
  options?: CopyOptions,
): string {
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const freeze = options?.freeze ? " with (freeze)" : "";
  return `copy ${quote(table)} (${columns.map(quote).join(", ")}) from ${source}${freeze}`;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection the server closes (a restart, an administrator, a dropped database) has
    // already left the pool, and the next query opens another; without a listener the pool's
    // "error" event would end the process.
    pool.on("error", (error) => process.emitWarning(`An idle database connection closed: ${error.message}`));
    const open = new Set<pg.PoolClient>();
    pool.on("connect", (client) => open.add(client));
    pool.on("remove", (client) => open.delete(client));
    const counter = statementCounter();
    const db = drizzlePg(pool, { schema, logger: counter.logger }) as unknown as Db;
    const listener = channelListener(options.url);
    return {
      db,
      kind: "postgres",
      listen: (channel, handler) => listener.listen(channel, handler),
      notify: async (channel) => {
        await pool.query("select pg_notify($1, '')", [channel]);
      },
      execute: async (sqlText, params = []) => {
        counter.queries += 1;
        const result = await pool.query(sqlText, params);
        return { rows: result.rows };
      },
      readSnapshot: (work) => {
        counter.queries += 1;
        return readSnapshot(pool, work);
      },
      stats: () => ({
        queries: counter.queries,
        pool: {
          max: pool.options.max ?? 10,
          total: pool.totalCount,
          idle: pool.idleCount,
          waiting: pool.waitingCount,
        },
      }),
      bulkLoad: async (work) => {
        const client = await pool.connect();
        try {
          await client.query("begin");
          const result = await work({
            execute: async (sqlText, params = []) => ({ rows: (await client.query(sqlText, params)).rows }),
            copy: (table, columns, text, options) =>
              pipeline(
                Readable.from([text]),
                client.query(copyFrom(copyStatement(table, columns, "stdin", options))),
              ),
          });
          await client.query("commit");
          return result;
        } catch (error) {
          await client.query("rollback").catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
      close: async () => {
        await listener.close();
        await pool.end();
        // end() resolves once it has asked every connection to close, not once they have; a caller
        // that drops the database next would have the server cut them off mid-close.
        while (open.size > 0) await new Promise((resolve) => pool.once("remove", resolve));
      },
    };
  }
  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  // pg_trgm backs the free-text search indexes; the server ships it with PostgreSQL's contrib modules.
  const client = await PGlite.create(dataDir, {
    extensions: { pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const counter = statementCounter();
  const db = drizzlePglite(client, { schema, logger: counter.logger }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    listen: async () => undefined,
    notify: async () => undefined,
    stats: () => ({ queries: counter.queries }),
    execute: async (sqlText, params = []) => {
      counter.queries += 1;
      const result = await client.query<Record<string, unknown>>(sqlText, params);
      return { rows: result.rows };
    },
    bulkLoad: (work) =>
      client.transaction((tx) =>
        work({
          execute: async (sqlText, params = []) => ({
            rows: (await tx.query<Record<string, unknown>>(sqlText, params)).rows,
          }),
          copy: async (table, columns, text, options) => {
            // PGlite reads COPY input from the blob passed with the query.
            await tx.query(copyStatement(table, columns, "'/dev/blob'", options), [], {
              blob: new Blob([text]),
            });
          },
        }),
      ),
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir("none"),
  };
}
