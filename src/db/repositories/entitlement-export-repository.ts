import { sql } from "drizzle-orm";
import type { EntitlementView } from "../../http/schemas/entitlements.ts";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import {
  type EntitlementViewRow,
  entitlementViewColumns,
  entitlementViewJoins,
  viewOfRow,
} from "../sql/entitlement-view-sql.ts";
import {
  type EntitlementQuery,
  entitlementListSource,
  entitlementSortKeys,
} from "./entitlement-list-repository.ts";

/**
 * Every entitlement matching a list filter, in the list's order, handed to
 * `each` a batch at a time from one server-side cursor: one query and one
 * snapshot for the whole export (paging would re-run the filter per page and
 * could see rows move between pages), and never more than a batch in memory.
 * `each` is awaited before the next batch is fetched, so a slow reader slows
 * the database down rather than filling memory.
 */
export async function streamEntitlementViews(
  db: Db,
  query: Omit<EntitlementQuery, "limit" | "cursor">,
  batchSize: number,
  each: (views: EntitlementView[]) => Promise<void>,
): Promise<void> {
  await streamEntitlementRows(db, query, batchSize, (rows) => each(rows.map(viewOfRow)));
}

/**
 * The same stream as rows, before they become views: a reader that needs
 * less than a view (the CSV export) skips building one per entitlement, which
 * at a million rows is most of the export's work and garbage.
 */
export async function streamEntitlementRows(
  db: Db,
  query: Omit<EntitlementQuery, "limit" | "cursor">,
  batchSize: number,
  each: (rows: EntitlementViewRow[]) => Promise<void>,
): Promise<void> {
  const keys = entitlementSortKeys(query);
  const direction = sql.raw(query.order === "asc" ? "asc" : "desc");
  const keyColumns = keys.map((key, position) => sql`${key.expr} as ${sql.raw(`k${position}`)}`);
  const orderBy = sql.join(
    [...keys.map((_, position) => sql.raw(`page.k${position}`)), sql.raw("page.id")].map(
      (ref) => sql`${ref} ${direction}`,
    ),
    sql`, `,
  );
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    // A cursor lives in its transaction; repeatable read keeps one snapshot for every batch.
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    await tx.execute(sql`declare entitlement_export no scroll cursor for
      select ${entitlementViewColumns}
      from (select e.id as id, ${sql.join(keyColumns, sql`, `)} ${entitlementListSource(query)}) page
      join entitlements e on e.id = page.id
      ${entitlementViewJoins}
      order by ${orderBy}`);
    for (;;) {
      const rows = await rowsOf<EntitlementViewRow>(
        tx,
        sql.raw(`fetch ${Math.floor(batchSize)} from entitlement_export`),
      );
      if (rows.length > 0) await each(rows);
      if (rows.length < batchSize) break;
    }
    await tx.execute(sql`close entitlement_export`);
  });
}
