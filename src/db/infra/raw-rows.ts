import { createHash } from "node:crypto";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "../client.ts";

/**
 * Runs a `sql` template and returns its rows. Both drivers answer with
 * `{ rows }`, but drizzle types the result per driver; queries that go through
 * here cast every column in SQL (`::int`, `::text`) so both drivers return the
 * same JavaScript values (pg would give strings for bigint counts, PGlite numbers).
 */
export async function rowsOf<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/** Ids (uuids read from the database or checked with isUuid) as one array parameter: `${uuidArray(ids)}::uuid[]`. */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(",")}}`;
}

const dialect = new PgDialect();

/**
 * A hot statement of fixed shape (a status write's read and write, the
 * entitlement views every list page reads), built once with
 * `sql.placeholder`s and run with their values. On the PostgreSQL server it is
 * a named prepared statement: each connection parses it once and, after a few
 * executions, plans it once, provided PostgreSQL prices its generic plan no
 * higher than the custom ones (an array parameter it can count is priced by
 * its length: pass arrays through a scalar subquery). Planning the write's
 * read took 0.7 ms of the server's CPU against 0.14 ms to execute it, and
 * building its text from drizzle's fragments on every call cost the app more
 * than the values. PGlite ignores the name (one connection, planning in-process).
 */
const statementNames = new Map<string, string>();

/**
 * The name a preparedStatement runs under on the server, by its text, once it
 * has run: the benchmark replays the application's statements as sent, and a
 * named statement sent unnamed would be planned on every call.
 */
export function preparedStatementName(sqlText: string): string | undefined {
  return statementNames.get(sqlText);
}

export function preparedStatement<Row>(
  name: string,
  build: () => SQL,
): (db: Db, values: Record<string, unknown>) => Promise<Row[]> {
  let compiled: ReturnType<PgDialect["sqlToQuery"]> | null = null;
  let statementName = "";
  return async (db, values) => {
    if (!compiled) {
      compiled = dialect.sqlToQuery(build());
      // The text's hash in the name: two statements given one name by mistake never collide on a connection.
      statementName = `${name}_${createHash("sha1").update(compiled.sql).digest("hex").slice(0, 12)}`;
      statementNames.set(compiled.sql, statementName);
    }
    const prepared = db._.session.prepareQuery(compiled, undefined, statementName, false);
    const result = (await prepared.execute(values)) as unknown as { rows: Row[] };
    return result.rows;
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID: anything else cannot name a row, and must not reach a uuid column (Postgres would raise). */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
