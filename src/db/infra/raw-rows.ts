import type { SQL } from "drizzle-orm";
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

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID: anything else cannot name a row, and must not reach a uuid column (Postgres would raise). */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
