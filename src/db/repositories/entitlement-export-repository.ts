import { StringDecoder } from "node:string_decoder";
import { type SQL, sql } from "drizzle-orm";
import type { EntitlementView } from "../../http/schemas/entitlements.ts";
import type { Database, Db } from "../client.ts";
import { inlineSql } from "../infra/inline-sql.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { csvCopyColumns, csvHeaderLine, csvLine } from "../sql/entitlement-csv-sql.ts";
import {
  type EntitlementViewRow,
  entitlementViewColumns,
  entitlementViewJoins,
  entitlementViewJson,
  viewOfRow,
} from "../sql/entitlement-view-sql.ts";
import {
  type EntitlementQuery,
  entitlementListSource,
  entitlementSortKeys,
} from "./entitlement-list-repository.ts";

/** A list query without its page: an export walks the whole selection. */
export type ExportQuery = Omit<EntitlementQuery, "limit" | "cursor">;

export interface ExportCounts {
  entitlements: number;
  rows: number;
}

/**
 * FROM ... ORDER BY of an export: the entitlements `e` the list would show
 * for `query` (with `et`, `ec`, `es`), in its order, ties broken by id; with
 * `segments`, one row per segment `s` in position order (one with a null `s`
 * for an entitlement without a status).
 */
function exportSource(query: ExportQuery, segments: boolean): SQL {
  const keys = entitlementSortKeys(query);
  const direction = sql.raw(query.order === "asc" ? "asc" : "desc");
  const keyColumns = keys.map((key, position) => sql`${key.expr} as ${sql.raw(`k${position}`)}`);
  const orderBy = [...keys.map((_, position) => sql.raw(`page.k${position}`)), sql.raw("page.id")].map(
    (ref) => sql`${ref} ${direction}`,
  );
  if (segments) orderBy.push(sql`s.position`);
  return sql`from (select e.id as id, ${sql.join(keyColumns, sql`, `)} ${entitlementListSource(query)}) page
      join entitlements e on e.id = page.id
      ${entitlementViewJoins}
      ${segments ? sql`left join status_segments s on s.entitlement_id = e.id` : sql``}
      order by ${sql.join(orderBy, sql`, `)}`;
}

/**
 * Every entitlement matching a list filter, in the list's order, handed to
 * `each` a batch at a time from one server-side cursor: one query and one
 * snapshot for the whole export (paging would re-run the filter per page and
 * could see rows move between pages), and never more than a batch in memory.
 * `each` is awaited before the next batch is fetched, so a slow reader slows
 * the database down rather than filling memory.
 */
export async function streamCursor<Row>(
  db: Db,
  select: SQL,
  batchSize: number,
  each: (rows: Row[]) => Promise<void>,
): Promise<void> {
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    // A cursor lives in its transaction; repeatable read keeps one snapshot for every batch.
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    await tx.execute(sql`declare entitlement_export no scroll cursor for ${select}`);
    for (;;) {
      const rows = await rowsOf<Row>(tx, sql.raw(`fetch ${Math.floor(batchSize)} from entitlement_export`));
      if (rows.length > 0) await each(rows);
      if (rows.length < batchSize) break;
    }
    await tx.execute(sql`close entitlement_export`);
  });
}

/** The export's entitlements as views, a batch at a time (streamCursor). */
export async function streamEntitlementViews(
  db: Db,
  query: ExportQuery,
  batchSize: number,
  each: (views: EntitlementView[]) => Promise<void>,
): Promise<void> {
  await streamEntitlementRows(db, query, batchSize, (rows) => each(rows.map(viewOfRow)));
}

/** The same stream as rows, before they become views. */
export async function streamEntitlementRows(
  db: Db,
  query: ExportQuery,
  batchSize: number,
  each: (rows: EntitlementViewRow[]) => Promise<void>,
): Promise<void> {
  await streamCursor(
    db,
    sql`select ${entitlementViewColumns} ${exportSource(query, false)}`,
    batchSize,
    each,
  );
}

/**
 * The export's entitlements as JSON texts of their views, built by PostgreSQL
 * (entitlementViewJson, the list's own), so the server neither parses nor
 * serialises one.
 */
export async function streamEntitlementJson(
  db: Db,
  query: ExportQuery,
  batchSize: number,
  each: (items: string[]) => Promise<void>,
): Promise<void> {
  const select = sql`select ${entitlementViewJson} as "json" ${exportSource(query, false)}`;
  await streamCursor<{ json: string }>(db, select, batchSize, (rows) => each(rows.map((row) => row.json)));
}

/**
 * The status CSV, header first, as PostgreSQL's COPY writes it: one
 * statement streamed from the server's socket to `each` as raw bytes (a
 * PostgreSQL server only, Database.readSnapshot). The counts come from the
 * same snapshot: the rows from COPY, the entitlements from a count of the filter.
 */
export async function copyEntitlementCsv(
  database: Database,
  query: ExportQuery,
  each: (chunk: Buffer) => Promise<void>,
): Promise<ExportCounts> {
  // Only the filter counts: the sort's joins add nothing to how many match.
  return copyCsv(
    database,
    sql`select ${csvCopyColumns} ${exportSource(query, true)}`,
    sql`select count(*)::int as n from (select 1 ${entitlementListSource({ ...query, sort: "updated" })}) m`,
    each,
  );
}

/**
 * COPY of `select` (the CSV's columns) streamed to `each`, and the entitlements `count` counts, in
 * one snapshot. Chunks are UTF-8 bytes cut anywhere, a character too: passed on as they come (an
 * HTTP response), never decoded and encoded again; utf8Chunks turns them into text.
 */
export async function copyCsv(
  database: Database,
  select: SQL,
  count: SQL,
  each: (chunk: Buffer) => Promise<void>,
): Promise<ExportCounts> {
  if (!database.readSnapshot) throw new Error("COPY TO STDOUT needs a PostgreSQL server");
  const copy = `copy (${inlineSql(select)}) to stdout with (format csv, header)`;
  const counting = inlineSql(count);
  return database.readSnapshot(async (session) => {
    const rows = await session.copyOut(copy, each);
    const { rows: counted } = await session.execute(counting);
    // COPY's count leaves the header out.
    return { entitlements: Number(counted[0]?.n ?? 0), rows };
  });
}

/**
 * Bytes cut anywhere as text: a decoder holds a character cut in two back for
 * the next chunk. `end` hands over what is left.
 */
export function utf8Chunks(each: (text: string) => Promise<void>): {
  write: (chunk: Buffer) => Promise<void>;
  end: () => Promise<void>;
} {
  const decoder = new StringDecoder("utf8");
  return {
    write: async (chunk) => {
      const text = decoder.write(chunk);
      if (text !== "") await each(text);
    },
    end: async () => {
      const tail = decoder.end();
      if (tail !== "") await each(tail);
    },
  };
}

/**
 * The same file from a cursor, each line built by PostgreSQL exactly as COPY
 * would write it (entitlement-csv-sql.ts): the embedded database's way, whose
 * COPY TO cannot stream. `each` gets whole lines, a batch at a time.
 */
export async function streamEntitlementCsv(
  db: Db,
  query: ExportQuery,
  batchSize: number,
  each: (text: string) => Promise<void>,
): Promise<ExportCounts> {
  const select = sql`select e.id::text as "id", ${csvLine} as "line" ${exportSource(query, true)}`;
  return streamCsvLines(db, select, batchSize, each);
}

/** The header, then the lines `select` reads (`id`, `line`, an entitlement's rows together). */
export async function streamCsvLines(
  db: Db,
  select: SQL,
  batchSize: number,
  each: (text: string) => Promise<void>,
): Promise<ExportCounts> {
  const counts: ExportCounts = { entitlements: 0, rows: 0 };
  let last: string | null = null;
  await each(`${csvHeaderLine}\n`);
  await streamCursor<{ id: string; line: string }>(db, select, batchSize, async (rows) => {
    for (const row of rows) {
      // Rows of one entitlement come together, in the list's order.
      if (row.id !== last) counts.entitlements += 1;
      last = row.id;
    }
    counts.rows += rows.length;
    await each(`${rows.map((row) => row.line).join("\n")}\n`);
  });
  return counts;
}
