import { type SQL, sql } from "drizzle-orm";

/** An L1/L2/L3 value as the segments store it. */
export interface StoredValue {
  l1: string;
  l2: string | null;
  l3: string | null;
}

/**
 * Distinct stored values as a VALUES list `v(l1, l2, l3)` to join the
 * segments to: the planner knows how few rows it holds and finds each value's
 * segments through the l1/l2/l3 index once (a JSON recordset it guesses at a
 * hundred rows, and joined per service it read them once per service). No
 * values: a table with no rows.
 */
export function storedValuesTable(values: readonly StoredValue[]): SQL {
  const distinct = [
    ...new Map(values.map((value) => [JSON.stringify([value.l1, value.l2, value.l3]), value])).values(),
  ];
  if (distinct.length === 0)
    return sql`(select null::text as l1, null::text as l2, null::text as l3 where false) v`;
  return sql`(values ${sql.join(
    distinct.map((value) => sql`(${value.l1}::text, ${value.l2}::text, ${value.l3}::text)`),
    sql`, `,
  )}) as v(l1, l2, l3)`;
}
