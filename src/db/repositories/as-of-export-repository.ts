import { type SQL, sql } from "drizzle-orm";
import type { StatusSnapshot } from "../../http/schemas/entitlements.ts";
import type { Database, Db } from "../client.ts";
import { csvCopyColumnsAsOf, csvLineAsOf } from "../sql/entitlement-csv-sql.ts";
import { entitlementViewJoins, entitlementViewJson } from "../sql/entitlement-view-sql.ts";
import { type AsOfEntitlementQuery, asOfListSource, asOfSortKeys } from "./as-of-list-repository.ts";
import { copyCsv, type ExportCounts, streamCsvLines, streamCursor } from "./entitlement-export-repository.ts";

/** An as-of list query without its page: the export walks the whole selection. */
export type AsOfExportQuery = Omit<AsOfEntitlementQuery, "limit" | "cursor">;

/**
 * A segment of the history row `page.after` as a row `s` under
 * status_segments' names, as the CSV's cells read them: ids as recorded then
 * (the export is the file of that day, importable as it was).
 */
const snapshotSegmentColumns = sql`(g.ord - 1)::int as position, (g.seg->>'seats')::int as seats,
  g.seg->>'l1' as l1, g.seg->>'l2' as l2, g.seg->>'l3' as l3, g.seg->>'scenarioId' as scenario_id,
  g.seg->>'serviceStatus' as service_status, g.seg->>'engagementScenario' as engagement_scenario,
  (g.seg->>'targetDate')::date as target_date, g.seg->>'owner' as owner,
  coalesce(g.seg->>'note', '') as note, (g.seg->>'nextActionDate')::date as next_action_date,
  g.seg->>'nextAction' as next_action, g.seg->>'splitReason' as split_reason`;

/**
 * FROM ... ORDER BY of an export as of a day: the entitlements `e` the as-of
 * list selects (as-of-list-repository.ts), in its order, ties broken by id,
 * each with its last history row before the instant as `page` (at,
 * version_after, after) and `et`, `ec`, `es`; with `segments`, one row per
 * segment `s` of that row.
 */
function asOfExportSource(query: AsOfExportQuery, segments: boolean): SQL {
  const keys = asOfSortKeys(query);
  const direction = sql.raw(query.order === "asc" ? "asc" : "desc");
  const keyColumns = keys.map((key, position) => sql`${key.expr} as ${sql.raw(`k${position}`)}`);
  const orderBy = [...keys.map((_, position) => sql.raw(`page.k${position}`)), sql.raw("page.id")].map(
    (ref) => sql`${ref} ${direction}`,
  );
  if (segments) orderBy.push(sql`s.position`);
  return sql`from (select e.id as id, h.at as at, h.version_after, h.after, ${sql.join(keyColumns, sql`, `)}
        ${asOfListSource(query)}) page
      join entitlements e on e.id = page.id
      ${entitlementViewJoins}
      ${
        segments
          ? sql`left join lateral (select ${snapshotSegmentColumns}
              from jsonb_array_elements(page.after->'segments') with ordinality g(seg, ord)) s on true`
          : sql``
      }
      order by ${sql.join(orderBy, sql`, `)}`;
}

/** The status CSV as of the day by COPY (a PostgreSQL server), as copyEntitlementCsv writes today's. */
export function copyEntitlementCsvAsOf(
  database: Database,
  query: AsOfExportQuery,
  each: (chunk: Buffer) => Promise<void>,
): Promise<ExportCounts> {
  return copyCsv(
    database,
    sql`select ${csvCopyColumnsAsOf} ${asOfExportSource(query, true)}`,
    sql`select count(*)::int as n from (select 1 ${asOfListSource({ ...query, sort: "updated" })}) m`,
    each,
  );
}

/** The same file from a cursor (the embedded database), as streamEntitlementCsv writes today's. */
export function streamEntitlementCsvAsOf(
  db: Db,
  query: AsOfExportQuery,
  batchSize: number,
  each: (text: string) => Promise<void>,
): Promise<ExportCounts> {
  const select = sql`select e.id::text as "id", ${csvLineAsOf} as "line" ${asOfExportSource(query, true)}`;
  return streamCsvLines(db, select, batchSize, each);
}

/** Today's view of an entitlement (JSON text) with its history row of the day. */
export interface AsOfViewRow {
  json: string;
  at: string;
  version: number;
  after: StatusSnapshot;
}

/** The as-of export's entitlements, a batch at a time: today's view and the status of then. */
export async function streamEntitlementViewsAsOf(
  db: Db,
  query: AsOfExportQuery,
  batchSize: number,
  each: (rows: AsOfViewRow[]) => Promise<void>,
): Promise<void> {
  const select = sql`select ${entitlementViewJson} as "json",
      to_char(page.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "at",
      page.version_after::int as "version", page.after::text as "after"
    ${asOfExportSource(query, false)}`;
  await streamCursor<Omit<AsOfViewRow, "after"> & { after: string }>(db, select, batchSize, (rows) =>
    each(rows.map((row) => ({ ...row, after: JSON.parse(row.after) as StatusSnapshot }))),
  );
}
