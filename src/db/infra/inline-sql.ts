import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

const dialect = new PgDialect();

/**
 * A query's text with its parameters written in as literals, for the one
 * statement that cannot take parameters: COPY (SELECT ...) TO STDOUT. Drizzle
 * writes a string as a standard-conforming literal (quotes doubled, nothing
 * else special), which is what the session must read it as: the COPY's
 * transaction sets standard_conforming_strings on (copy-out.ts). Only
 * strings, finite numbers, booleans and null are accepted; anything else (an
 * array, an object) would be written by its toString and is refused.
 */
export function inlineSql(query: SQL): string {
  for (const param of dialect.sqlToQuery(query).params) {
    const accepted =
      param === null ||
      typeof param === "string" ||
      typeof param === "boolean" ||
      (typeof param === "number" && Number.isFinite(param));
    if (!accepted) throw new Error(`inlineSql: a parameter of type ${typeof param} cannot be inlined`);
  }
  // inlineParams() marks the SQL it is called on: a new wrapper, so no shared part is marked.
  return dialect.sqlToQuery(sql`${query}`.inlineParams()).sql;
}
