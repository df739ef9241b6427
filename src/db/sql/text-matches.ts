import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";

/**
 * Most ids a free-text search hands to the list query as a list of values
 * (about 37 bytes each as a parameter); a search matching more is broad enough
 * for the planner's guess to be the right order of magnitude.
 */
const textMatchIdLimit = 2000;

/**
 * Ids of entitlements whose customer name or external id, tenant name or
 * domain, or one of whose notes contains the pattern: each arm can use its
 * trigram index, where one OR across joined tables would test every row.
 * Notes are searched in note_search (drizzle/0025), except those of
 * entitlements changed since it last took them (note_search_pending), which
 * are read from their segments: a few, as every server takes them in every
 * few seconds (app/maintenance/note-index-rounds.ts).
 *
 * The arms hand their ids on as arrays (`= any(array(...))`), which the
 * planner prices as a few values: it then looks them up by index. From an
 * `in (subquery)` it took its row count from the histogram, and at 100,000
 * tenants one histogram entry that happened to contain the words was read as
 * "1% of all customers": it hashed the whole tenants table for 23 matches.
 */
export function textMatchIds(pattern: string): SQL {
  return sql`select te.id from entitlements te where te.tenant_id = any(array(
      select tt.id from tenants tt where tt.name ilike ${pattern} or tt.domain ilike ${pattern}
      union all
      select tc.id from tenants tc where tc.customer_id = any(array(
        select cc.id from customers cc where cc.name ilike ${pattern} or cc.external_id ilike ${pattern}))))
    union
    select ns.entitlement_id from note_search ns where ns.notes ilike ${pattern}
      and not exists (select 1 from note_search_pending np where np.entitlement_id = ns.entitlement_id)
    union
    select ts.entitlement_id from note_search_pending tp
      join status_segments ts on ts.entitlement_id = tp.entitlement_id where ts.note ilike ${pattern}`;
}

/**
 * The ids textMatchIds finds, read first so that the list query can name them
 * as values: with their exact number the planner fetches a few hundred
 * entitlements by primary key instead of reading all 1.4 million (300 ms
 * against a few at 100,000 tenants, when the estimate had been 15,000).
 * Null when there are more than `limit`: the list then keeps the subquery.
 */
export async function readTextMatchIds(
  db: Db,
  pattern: string,
  limit = textMatchIdLimit,
): Promise<string[] | null> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select m.id::text as id from (${textMatchIds(pattern)}) m limit ${limit + 1}`,
  );
  return rows.length > limit ? null : rows.map((row) => row.id);
}
