import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { AppDeps } from "../src/app/app-deps.ts";
import { loadPlaybook } from "../src/app/playbook/load-playbook.ts";
import type { Database, Db } from "../src/db/client.ts";
import * as schema from "../src/db/schema.ts";

/** One SQL statement as the application sent it to the driver. */
export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

/**
 * The application in this process, over the benchmark database, with a
 * driver-level log of the SQL it sends: the "same SQL" of the API/SQL ratio is
 * exactly what the use-case sent, replayed by `query` with nothing around it.
 */
export interface BenchSession {
  deps: AppDeps;
  kind: "pglite" | "postgres";
  capture(work: () => Promise<unknown>): Promise<CapturedQuery[]>;
  /**
   * One statement straight to the driver: parse, plan, execute, rows decoded into objects. A
   * statement the application runs as a named prepared statement runs under the same name.
   */
  query(sqlText: string, params: readonly unknown[]): Promise<{ rows: unknown[] }>;
  /** PostgreSQL's own COPY ... FROM of a CSV file (with header) into `table`. */
  copyCsv(table: string, csvText: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBenchSession(target: {
  url?: string | undefined;
  dataDir?: string | undefined;
  /** The server's pool size, so the direct SQL gets the same connections (default 10, as the app). */
  poolSize?: number;
}): Promise<BenchSession> {
  let capturing: CapturedQuery[] | null = null;
  const logger = {
    logQuery: (sqlText: string, params: unknown[]) => {
      capturing?.push({ sql: sqlText, params: [...params] });
    },
  };
  let database: Database;
  let query: BenchSession["query"];
  let copyCsv: BenchSession["copyCsv"];
  if (target.url) {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    const statementNames = new Map<string, string>();
    pool.on("connect", (client) => rememberStatementNames(client, statementNames));
    const db = drizzlePg(pool, { schema, logger }) as unknown as Db;
    query = async (sqlText, params) => {
      // A statement the application prepares goes under its name here too, planned as often as there.
      const name = statementNames.get(sqlText);
      const values = [...params];
      return {
        rows: (await pool.query(name ? { name, text: sqlText, values } : { text: sqlText, values })).rows,
      };
    };
    copyCsv = async (table, csvText) => {
      const client = await pool.connect();
      try {
        await pipeline(
          Readable.from([csvText]),
          client.query(copyFrom(`copy ${table} from stdin with (format csv, header true)`)),
        );
      } finally {
        client.release();
      }
    };
    database = {
      db,
      kind: "postgres",
      execute: async (sqlText, params = []) => ({ rows: (await pool.query(sqlText, params)).rows }),
      bulkLoad: () => Promise.reject(new Error("no bulk loads in a benchmark session")),
      // The benchmark's in-process use-cases keep no credentials to hear about.
      listen: async () => undefined,
      notify: async () => undefined,
      close: () => pool.end(),
    };
  } else {
    const client = await PGlite.create(target.dataDir ?? "memory://", { extensions: { pg_trgm } });
    const db = drizzlePglite(client, { schema, logger }) as unknown as Db;
    query = async (sqlText, params) => ({ rows: (await client.query(sqlText, [...params])).rows });
    copyCsv = async (table, csvText) => {
      await client.query(`copy ${table} from '/dev/blob' with (format csv, header true)`, [], {
        blob: new Blob([csvText]),
      });
    };
    database = {
      db,
      kind: "pglite",
      execute: async (sqlText, params = []) => ({
        rows: (await client.query<Record<string, unknown>>(sqlText, params)).rows,
      }),
      bulkLoad: () => Promise.reject(new Error("no bulk loads in a benchmark session")),
      listen: async () => undefined,
      notify: async () => undefined,
      close: () => client.close(),
    };
  }
  const deps: AppDeps = { database, playbook: loadPlaybook(undefined), now: () => new Date() };
  return {
    deps,
    kind: database.kind,
    capture: async (work) => {
      capturing = [];
      try {
        await work();
        return capturing;
      } finally {
        capturing = null;
      }
    },
    query,
    copyCsv,
    close: () => database.close(),
  };
}

/**
 * Notes the name of every named prepared statement sent on `client`, by its
 * text: the application's hot statements (db/infra/prepared-statement.ts) go
 * by a name, and sent unnamed they would be planned on every call.
 */
function rememberStatementNames(client: pg.PoolClient, names: Map<string, string>): void {
  const send = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((config: unknown, ...rest: unknown[]) => {
    if (typeof config === "object" && config !== null && "name" in config && "text" in config) {
      const { name, text } = config as { name?: string; text: string };
      if (name) names.set(text, name);
    }
    return send(config, ...rest);
  }) as typeof client.query;
}

/** Replays captured statements in order, as one request of the application would send them. */
export async function replay(session: BenchSession, queries: readonly CapturedQuery[]): Promise<void> {
  for (const statement of queries) await session.query(statement.sql, statement.params);
}
