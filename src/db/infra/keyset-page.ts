import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { type CursorPosition, decodeCursor, encodeCursor, type KeyCast } from "./cursor.ts";
import { rowsOf } from "./raw-rows.ts";

/**
 * One sort key of a listing: an SQL expression over the listing's FROM clause
 * and its type. Rows are ordered and compared by the expression itself, so an
 * index on the same expression (with the id after it) serves both the order
 * and the "after the cursor" condition.
 */
export interface SortKey {
  expr: SQL;
  cast: KeyCast;
}

/** A cursor's text value back in the key's SQL type. */
function keyValue(value: string, cast: KeyCast): SQL {
  if (cast === "micros") return sql`(timestamptz 'epoch' + ${value}::bigint * interval '1 microsecond')`;
  return sql`${value}::${sql.raw(cast)}`;
}

/** A key's value as the text a cursor keeps. */
function keyText(ref: SQL, cast: KeyCast): SQL {
  if (cast === "micros") return sql`(extract(epoch from ${ref}) * 1000000)::bigint::text`;
  return sql`${ref}::text`;
}

export interface KeysetQuery {
  /** Names the listing and sort, so a cursor cannot be replayed against another one. */
  scope: string;
  /** The row id expression (a uuid column). */
  id: SQL;
  /** FROM ... WHERE ... of the listing, filters included. */
  from: SQL;
  keys: readonly SortKey[];
  order: "asc" | "desc";
  cursor?: string | undefined;
  limit: number;
}

/**
 * Keyset pagination: rows are ordered by (keys..., id) and each page starts
 * strictly after the previous page's last row, so a page never repeats or skips
 * a row the way OFFSET does when rows are inserted meanwhile. All keys run in
 * the same direction so one row comparison expresses "after".
 */
export async function keysetPage(
  db: Db,
  query: KeysetQuery,
): Promise<{ ids: string[]; nextCursor: string | null }> {
  const casts = query.keys.map((key) => key.cast);
  const after: CursorPosition | null = query.cursor ? decodeCursor(query.cursor, query.scope, casts) : null;
  const direction = sql.raw(query.order === "asc" ? "asc" : "desc");
  const columns = query.keys.map((key, position) => sql`${key.expr} as ${sql.raw(`k${position}`)}`);
  const keyRefs = query.keys.map((_, position) => sql.raw(`page.k${position}`));

  let where = sql``;
  if (after) {
    const values = after.keys.map((value, position) => keyValue(value, casts[position]!));
    const comparison = sql.raw(query.order === "asc" ? ">" : "<");
    where = sql`where (${sql.join([...keyRefs, sql.raw("page.id")], sql`, `)}) ${comparison} (${sql.join(
      [...values, sql`${after.id}::uuid`],
      sql`, `,
    )})`;
    // Implied by the row comparison, but the planner only turns a plain comparison of the first key
    // into an index range when the keys come from several tables (customer, tenant, service).
    if (values.length > 1) {
      const firstKey = sql.raw(query.order === "asc" ? ">=" : "<=");
      where = sql`${where} and ${keyRefs[0]} ${firstKey} ${values[0]}`;
    }
  }
  const orderBy = sql.join(
    [...keyRefs, sql.raw("page.id")].map((ref) => sql`${ref} ${direction}`),
    sql`, `,
  );
  const selectKeys = keyRefs.map(
    (ref, position) => sql`${keyText(ref, casts[position]!)} as ${sql.raw(`k${position}`)}`,
  );

  const rows = await rowsOf<Record<string, string>>(
    db,
    sql`select page.id::text as id, ${sql.join(selectKeys, sql`, `)}
        from (select ${query.id} as id, ${sql.join(columns, sql`, `)} ${query.from}) page
        ${where}
        order by ${orderBy}
        limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor(query.scope, {
          keys: query.keys.map((_, position) => last[`k${position}`] ?? ""),
          id: last.id!,
        })
      : null;
  return { ids: page.map((row) => row.id!), nextCursor };
}
