import { StringDecoder } from "node:string_decoder";
import { SQL, sql } from "drizzle-orm";
import { everyTenant } from "../../domain/policy/tenant-scope.ts";
import type { EntitlementView } from "../../http/schemas/entitlements.ts";
import type { Database, Db } from "../client.ts";
import { inlineSql } from "../infra/inline-sql.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import {
  csvCopyColumns,
  csvCopyColumnsWalk,
  csvHeaderLine,
  csvLine,
  csvLineWalk,
} from "../sql/entitlement-csv-sql.ts";
import {
  type EntitlementViewRow,
  entitlementViewColumns,
  entitlementViewJoins,
  entitlementViewJson,
  viewOfRow,
} from "../sql/entitlement-view-sql.ts";
import { tenantScopeCondition } from "../sql/tenant-scope-sql.ts";
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
 * for `query` (with `et`, `ec`, and `es` for views), in its order, ties broken
 * by id; with `segments` (the CSV, which names no service column), one row per
 * segment `s` in position order (one with a null `s` for an entitlement
 * without a status). The filter's rows are sorted whole: the way for a few.
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
      ${segments ? tenantJoins : entitlementViewJoins}
      ${segments ? sql`left join status_segments s on s.entitlement_id = e.id` : sql``}
      order by ${sql.join(orderBy, sql`, `)}`;
}

const tenantJoins = sql`join tenants et on et.id = e.tenant_id
  join customers ec on ec.id = et.customer_id`;

/**
 * From this many matching entitlements on, a CSV export in customer order
 * walks the tenants (tenantWalkSource) rather than sort every row: 1.5 million
 * rows of about 790 bytes took 9 s of a full export's 22 s of CPU to sort.
 */
export const tenantWalkFrom = 20_000;

/**
 * The CSV's FROM ... ORDER BY (one row per segment, as exportSource's), chosen
 * in the export's snapshot: in customer order with at least `walkFrom`
 * matching entitlements, by tenant walk (its cells: csvCopyColumnsWalk);
 * otherwise by sorting the selection.
 */
function csvSource(query: ExportQuery, walkFrom: number): ChosenSource<{ from: SQL; walk: boolean }> {
  return async (run) => {
    const sorted = { from: exportSource(query, true), walk: false };
    if (query.sort !== "customer" || !Number.isFinite(walkFrom)) return sorted;
    if (walkFrom > 0) {
      const matching = sql`select 1 ${entitlementListSource({ ...query, sort: "updated" })} limit ${walkFrom}`;
      const [row] = await run(sql`select count(*)::int as n from (${matching}) m`);
      if (Number(row?.n ?? 0) < walkFrom) return sorted;
    }
    // Each entitlement's segments are looked up once: caching them (Memoize) cost 2 s of 15.
    await run(sql`set local enable_memoize = off`);
    return { from: tenantWalkSource(query), walk: true };
  };
}

/**
 * exportSource in customer order without sorting the rows: the tenants the
 * scope allows are sorted by customer and tenant name (100,000 rows, not 1.5
 * million) as `et`, which carries its customer's name; then each tenant's
 * matching entitlements come from the (tenant_id, service_id) key in service
 * order and their segments from the (entitlement_id, position) key. Nested
 * loops (the lateral subqueries, which an ORDER BY keeps from being flattened
 * into joins) keep that order, so the ORDER BY is left to an incremental sort
 * within each customer and tenant name: a few rows at a time, and the ties of
 * two tenants named alike.
 */
function tenantWalkSource(query: ExportQuery): SQL {
  const direction = sql.raw(query.order === "asc" ? "asc" : "desc");
  const tenantConditions: SQL[] = [];
  const visible = tenantScopeCondition(query.visibleTo, { id: sql`t.id`, customerId: sql`t.customer_id` });
  if (visible) tenantConditions.push(visible);
  if (query.customerId) tenantConditions.push(sql`t.customer_id = ${query.customerId}::uuid`);
  if (query.tenantId) tenantConditions.push(sql`t.id = ${query.tenantId}::uuid`);
  // The tenant conditions are the walk's; the rest of the filter is applied tenant by tenant.
  const filter = entitlementListSource({
    ...query,
    sort: "updated",
    visibleTo: everyTenant,
    customerId: null,
    tenantId: null,
  });
  return sql`from (select t.id, t.name, t.domain, t.external_id, c.name as customer_name
        from tenants t join customers c on c.id = t.customer_id
        ${tenantConditions.length > 0 ? sql`where ${sql.join(tenantConditions, sql` and `)}` : sql``}
        order by c.name ${direction}, t.name ${direction}) et
      cross join lateral (select f.* from (select e.* ${filter}) f
        where f.tenant_id = et.id order by f.service_id ${direction}) e
      left join lateral (select s.* from status_segments s
        where s.entitlement_id = e.id order by s.position) s on true
      order by et.customer_name ${direction}, et.name ${direction}, e.service_id ${direction}, e.id ${direction}, s.position`;
}

/** Runs a statement in the export's snapshot: its rows. */
type SnapshotRun = (query: SQL) => Promise<Record<string, unknown>[]>;

/** SQL worked out in the export's snapshot, after what `run` finds (and with what it sets). */
type ChosenSource<T = SQL> = (run: SnapshotRun) => Promise<T>;

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
  select: SQL | ChosenSource,
  batchSize: number,
  each: (rows: Row[]) => Promise<void>,
): Promise<void> {
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    // A cursor lives in its transaction; repeatable read keeps one snapshot for every batch.
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    const chosen = select instanceof SQL ? select : await select((query) => rowsOf(tx, query));
    await tx.execute(sql`declare entitlement_export no scroll cursor for ${chosen}`);
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
  walkFrom = tenantWalkFrom,
): Promise<ExportCounts> {
  const source = csvSource(query, walkFrom);
  // Only the filter counts: the sort's joins add nothing to how many match.
  return copyCsv(
    database,
    async (run) => {
      const { from, walk } = await source(run);
      return sql`select ${walk ? csvCopyColumnsWalk : csvCopyColumns} ${from}`;
    },
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
  select: SQL | ChosenSource,
  count: SQL,
  each: (chunk: Buffer) => Promise<void>,
): Promise<ExportCounts> {
  if (!database.readSnapshot) throw new Error("COPY TO STDOUT needs a PostgreSQL server");
  const counting = inlineSql(count);
  return database.readSnapshot(async (session) => {
    const chosen =
      select instanceof SQL
        ? select
        : await select(async (query) => (await session.execute(inlineSql(query))).rows);
    const copy = `copy (${inlineSql(chosen)}) to stdout with (format csv, header)`;
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
  walkFrom = tenantWalkFrom,
): Promise<ExportCounts> {
  const source = csvSource(query, walkFrom);
  return streamCsvLines(
    db,
    async (run) => {
      const { from, walk } = await source(run);
      return sql`select e.id::text as "id", ${walk ? csvLineWalk : csvLine} as "line" ${from}`;
    },
    batchSize,
    each,
  );
}

/** The header, then the lines `select` reads (`id`, `line`, an entitlement's rows together). */
export async function streamCsvLines(
  db: Db,
  select: SQL | ChosenSource,
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
