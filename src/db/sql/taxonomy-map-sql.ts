import { type SQL, sql } from "drizzle-orm";
import type { TaxonomyMapRow } from "../../domain/playbook/taxonomy-map.ts";

/**
 * Reads history in the current taxonomy (docs/PLAYBOOK-VERSIONS.md): the map
 * of taxonomy-map.ts as a table, and a lateral join that finds a written
 * value's row (its own L3 and service before "any"), so a query can select
 * today's L2 and L3 of each segment it reads from history.
 */
export interface TaxonomyMapSql {
  /** A CTE to put in the query's WITH list: `taxonomy_map as (...)`. */
  cte: SQL;
  /** `left join lateral (...) cur on true`, after the segments' source. */
  join: SQL;
  /** The current L2 and L3 of the segment, falling back to the written ones. */
  l2: SQL;
  l3: SQL;
}

/** The columns of the segment and history row being read. */
export interface WrittenValue {
  version: SQL;
  l1: SQL;
  l2: SQL;
  l3: SQL;
  serviceId: SQL;
}

/** With no rows (no change ever declared), the join finds nothing and every value reads as written. */
export function taxonomyMapSql(rows: readonly TaxonomyMapRow[], written: WrittenValue): TaxonomyMapSql {
  // Playbook versions are semantic (the schema says so); anything else reads as written, never as an error.
  const version = sql`(case when ${written.version} ~ '^[0-9]+[.][0-9]+[.][0-9]+$'
    then string_to_array(${written.version}, '.')::int[] end)`;
  return {
    cte: sql`taxonomy_map as (
      select * from json_to_recordset(${JSON.stringify(rows)}::json) as m("minVersion" text, "maxVersion" text,
        l1 text, l2 text, l3 text, "serviceId" text, "toL2" text, "toL3" text)
    )`,
    join: sql`left join lateral (
      select m."toL2", m."toL3" from taxonomy_map m
      where m.l1 = ${written.l1} and m.l2 = ${written.l2}
        and (m.l3 = coalesce(${written.l3}, '') or m.l3 = '*')
        and (m."serviceId" = ${written.serviceId} or m."serviceId" = '*')
        and ${version} < string_to_array(m."maxVersion", '.')::int[]
        and (m."minVersion" is null or ${version} >= string_to_array(m."minVersion", '.')::int[])
      order by m.l3 = '*', m."serviceId" = '*'
      limit 1
    ) cur on true`,
    l2: sql`coalesce(cur."toL2", ${written.l2})`,
    l3: sql`(case when cur."toL3" is null or cur."toL3" = '*' then ${written.l3} else nullif(cur."toL3", '') end)`,
  };
}
