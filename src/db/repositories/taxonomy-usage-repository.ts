import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { workItems } from "../schema.ts";

/**
 * Which taxonomy values the stored statuses and work items use, for a
 * playbook change (docs/PLAYBOOK-VERSIONS.md): counted per value and service,
 * and found again per value when they are moved.
 */

/** Segments of one value on one service: the entitlements holding them and their seats. */
export interface StatusValueGroup {
  l1: string;
  l2: string | null;
  l3: string | null;
  serviceId: string;
  statuses: number;
  seats: number;
}

/** The distinct L1/L2/L3 values the segments hold: one pass over the l1/l2/l3 index, no join. */
export function statusValues(db: Db): Promise<{ l1: string; l2: string | null; l3: string | null }[]> {
  return rowsOf(db, sql`select l1 as "l1", l2 as "l2", l3 as "l3" from status_segments group by 1, 2, 3`);
}

/**
 * The segments of the given values per service: the entitlements holding them
 * and their seats. Found through the l1/l2/l3 index (values without an L2
 * apart, as = never matches a null), so a rename reads the statuses it moves,
 * not the whole portfolio (1.5 million segments at 100,000 tenants).
 */
export function statusValueGroups(
  db: Db,
  values: readonly { l1: string; l2: string | null; l3: string | null }[],
): Promise<StatusValueGroup[]> {
  if (values.length === 0) return Promise.resolve([]);
  // A VALUES list, not json_to_recordset: the planner then knows how few values there are and probes
  // the index, where it took a recordset for a hundred rows and read every segment.
  const table = (list: readonly { l1: string; l2: string | null; l3: string | null }[]) =>
    list.length === 0
      ? sql`(select null::text as l1, null::text as l2, null::text as l3 where false) v`
      : sql`(values ${sql.join(
          list.map((value) => sql`(${value.l1}::text, ${value.l2}::text, ${value.l3}::text)`),
          sql`, `,
        )}) as v(l1, l2, l3)`;
  const withL2 = values.filter((value) => value.l2 !== null);
  const withoutL2 = values.filter((value) => value.l2 === null);
  return rowsOf<StatusValueGroup>(
    db,
    sql`select s.l1 as "l1", s.l2 as "l2", s.l3 as "l3", e.service_id as "serviceId",
          count(distinct s.entitlement_id)::int as "statuses", coalesce(sum(s.seats), 0)::float8 as "seats"
        from (select s.* from ${table(withL2)}
                join status_segments s on s.l1 = v.l1 and s.l2 = v.l2
                 and (s.l3 = v.l3 or (s.l3 is null and v.l3 is null))
              union all
              select s.* from ${table(withoutL2)}
                join status_segments s on s.l1 = v.l1 and s.l2 is null
                 and (s.l3 = v.l3 or (s.l3 is null and v.l3 is null))) s
        join entitlements e on e.id = s.entitlement_id
        group by s.l1, s.l2, s.l3, e.service_id`,
  );
}

export interface WorkItemValue {
  id: string;
  l2: string;
  l3: string | null;
  serviceIds: string[];
  version: number;
}

/** Every work item's Blocked L2 and L3 (a short table: one row per tracked feature or fix). */
export function workItemValues(db: Db): Promise<WorkItemValue[]> {
  return db
    .select({
      id: workItems.id,
      l2: workItems.l2,
      l3: workItems.l3,
      serviceIds: workItems.serviceIds,
      version: workItems.version,
    })
    .from(workItems);
}

/** A stored value on one service, named by `key` (several may share a key). */
export interface ValueKey {
  l1: string;
  l2: string;
  l3: string | null;
  serviceId: string;
  key: string;
}

/**
 * The keys as a table, joined to the segments holding their value on their
 * service. The segments are found once per distinct value (a key per service
 * each would read a value's segments once per service: 27 times at 100,000
 * tenants), then matched to the keys by their entitlement's service.
 */
function segmentsOf(keys: readonly ValueKey[]): SQL {
  const values = [...new Map(keys.map((key) => [JSON.stringify([key.l1, key.l2, key.l3]), key])).values()];
  // OFFSET 0 keeps the planner from starting at the keys' services and reading all their entitlements.
  return sql`(select s.entitlement_id, s.position, s.seats, s.l1, s.l2, s.l3, e.service_id, e.tenant_id
      from (values ${sql.join(
        values.map((value) => sql`(${value.l1}::text, ${value.l2}::text, ${value.l3}::text)`),
        sql`, `,
      )}) as v(l1, l2, l3)
      join status_segments s on s.l1 = v.l1 and s.l2 = v.l2 and (s.l3 = v.l3 or (s.l3 is null and v.l3 is null))
      join entitlements e on e.id = s.entitlement_id
      offset 0) s
    join json_to_recordset(${JSON.stringify(keys)}::json) as k(l1 text, l2 text, l3 text, "serviceId" text, key text)
      on k.l1 = s.l1 and k.l2 = s.l2 and k.l3 is not distinct from s.l3 and k."serviceId" = s.service_id`;
}

/** Per key: the entitlements with a segment of its values (each counted once) and those segments' seats. */
export async function countByKey(
  db: Db,
  keys: readonly ValueKey[],
): Promise<Map<string, { statuses: number; seats: number }>> {
  if (keys.length === 0) return new Map();
  const rows = await rowsOf<{ key: string; statuses: number; seats: number }>(
    db,
    sql`select k.key as "key", count(distinct s.entitlement_id)::int as "statuses",
          coalesce(sum(s.seats), 0)::float8 as "seats"
        from ${segmentsOf(keys)}
        group by k.key`,
  );
  return new Map(rows.map((row) => [row.key, { statuses: row.statuses, seats: row.seats }]));
}

/** The entitlements with a segment of one of the values, in id order. */
export async function entitlementIdsWith(db: Db, keys: readonly ValueKey[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select distinct s.entitlement_id::text as "id" from ${segmentsOf(keys)} order by 1`,
  );
  return rows.map((row) => row.id);
}

export interface RemappedStatusSample {
  entitlementId: string;
  customer: string;
  tenant: string;
  serviceId: string;
  l1: string;
  l2: string;
  l3: string | null;
  seats: number;
}

/** The first segments of the values, largest first: what a preview shows of the statuses it moves. */
export function sampleSegmentsWith(
  db: Db,
  keys: readonly ValueKey[],
  limit: number,
): Promise<RemappedStatusSample[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return rowsOf<RemappedStatusSample>(
    db,
    sql`select s.entitlement_id::text as "entitlementId", c.name as "customer", t.name as "tenant",
          s.service_id as "serviceId", s.l1 as "l1", s.l2 as "l2", s.l3 as "l3", s.seats::int as "seats"
        from ${segmentsOf(keys)}
        join tenants t on t.id = s.tenant_id
        join customers c on c.id = t.customer_id
        order by s.seats desc, s.entitlement_id, s.position
        limit ${limit}`,
  );
}

/** Moves a work item to another L2/L3 while it is at `version` (version + 1); false when it changed since. */
export async function setWorkItemValue(
  db: Db,
  item: { id: string; version: number },
  value: { l2: string; l3: string | null },
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(workItems)
    .set({ l2: value.l2, l3: value.l3, version: sql`${workItems.version} + 1`, updatedAt: at })
    .where(and(eq(workItems.id, item.id), eq(workItems.version, item.version)))
    .returning({ id: workItems.id });
  return rows.length > 0;
}
