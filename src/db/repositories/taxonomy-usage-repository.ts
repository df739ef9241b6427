import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { analyticRows } from "../infra/analytic-read.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { workItems } from "../schema.ts";
import { type StoredValue, storedValuesTable } from "../sql/taxonomy-values-sql.ts";

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

/**
 * The distinct L1/L2/L3 values the segments hold, read as a skip scan of the
 * l1/l2/l3 index: each next L1, then each next L2 under it, then each next L3
 * under that, one index descent each (nulls apart, as > never reaches them).
 * 282 values at 100,000 tenants in 7 ms, where a GROUP BY read all 1.5
 * million segments (11 s). JIT off: the recursion's estimates pass its
 * threshold, and compiling took seconds.
 */
export function statusValues(db: Db): Promise<StoredValue[]> {
  return analyticRows(
    db,
    sql`with recursive
        l1s(l1) as (
          select min(l1) from status_segments
          union all
          select (select min(s.l1) from status_segments s where s.l1 > l1s.l1) from l1s where l1s.l1 is not null
        ),
        l2s(l1, l2) as (
          select l1, (select min(s.l2) from status_segments s where s.l1 = l1s.l1) from l1s where l1 is not null
          union all
          select l2s.l1, (select min(s.l2) from status_segments s where s.l1 = l2s.l1 and s.l2 > l2s.l2) from l2s where l2s.l2 is not null
        ),
        pairs(l1, l2) as (
          select l1, l2 from l2s where l2 is not null
          union all
          select l1, null from l1s
           where l1 is not null and (select true from status_segments s where s.l1 = l1s.l1 and s.l2 is null limit 1)
        ),
        l3s(l1, l2, l3) as (
          select p.l1, p.l2, case when p.l2 is null
              then (select s.l3 from status_segments s where s.l1 = p.l1 and s.l2 is null and s.l3 is not null order by s.l3 limit 1)
              else (select s.l3 from status_segments s where s.l1 = p.l1 and s.l2 = p.l2 and s.l3 is not null order by s.l3 limit 1) end
            from pairs p
          union all
          select t.l1, t.l2, case when t.l2 is null
              then (select s.l3 from status_segments s where s.l1 = t.l1 and s.l2 is null and s.l3 > t.l3 order by s.l3 limit 1)
              else (select s.l3 from status_segments s where s.l1 = t.l1 and s.l2 = t.l2 and s.l3 > t.l3 order by s.l3 limit 1) end
            from l3s t where t.l3 is not null
        )
        select l1 as "l1", l2 as "l2", l3 as "l3" from l3s where l3 is not null
        union all
        select p.l1, p.l2, null from pairs p
         where case when p.l2 is null
           then (select true from status_segments s where s.l1 = p.l1 and s.l2 is null and s.l3 is null limit 1)
           else (select true from status_segments s where s.l1 = p.l1 and s.l2 = p.l2 and s.l3 is null limit 1) end`,
  );
}

/**
 * Collects the segments of the given values, with their entitlement's service
 * and tenant, into a temporary table (dropped at commit: call it in a
 * transaction) that statusValueGroups, countByKey and sampleSegmentsWith then
 * read. A rename's 131,729 statuses at 100,000 tenants are read once, not once
 * per question (each read 51,000 segment pages and the entitlements: 3 to 5 s).
 * Found through the l1/l2/l3 index, values without an L2 apart (= never
 * matches a null), from a VALUES list, whose few rows the planner knows.
 */
export async function collectValueSegments(db: Db, values: readonly StoredValue[]): Promise<void> {
  const withL2 = values.filter((value) => value.l2 !== null);
  const withoutL2 = values.filter((value) => value.l2 === null);
  await db.execute(sql`drop table if exists pg_temp.playbook_value_segments`);
  await db.execute(
    sql`create temporary table playbook_value_segments on commit drop as
        select s.entitlement_id, s.position, s.seats, s.l1, s.l2, s.l3, e.service_id, e.tenant_id
          from (select s.* from ${storedValuesTable(withL2)}
                  join status_segments s on s.l1 = v.l1 and s.l2 = v.l2
                   and (s.l3 = v.l3 or (s.l3 is null and v.l3 is null))
                union all
                select s.* from ${storedValuesTable(withoutL2)}
                  join status_segments s on s.l1 = v.l1 and s.l2 is null
                   and (s.l3 = v.l3 or (s.l3 is null and v.l3 is null))) s
          join entitlements e on e.id = s.entitlement_id`,
  );
  await db.execute(sql`analyze playbook_value_segments`);
}

/** The collected segments (collectValueSegments) per value and service: the entitlements holding them and their seats. */
export function statusValueGroups(db: Db): Promise<StatusValueGroup[]> {
  return rowsOf<StatusValueGroup>(
    db,
    sql`select l1 as "l1", l2 as "l2", l3 as "l3", service_id as "serviceId",
          count(distinct entitlement_id)::int as "statuses", coalesce(sum(seats), 0)::float8 as "seats"
        from playbook_value_segments
        group by l1, l2, l3, service_id`,
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

/** The keys as a table, joined to the collected segments (collectValueSegments) of their value on their service. */
function segmentsOf(keys: readonly ValueKey[]): SQL {
  return sql`playbook_value_segments s
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
    // The largest first, then their names: joining every moved segment's tenant took longer than the rest.
    sql`select s.entitlement_id::text as "entitlementId", c.name as "customer", t.name as "tenant",
          s.service_id as "serviceId", s.l1 as "l1", s.l2 as "l2", s.l3 as "l3", s.seats::int as "seats"
        from (select s.* from ${segmentsOf(keys)}
               order by s.seats desc, s.entitlement_id, s.position limit ${limit}) s
        join tenants t on t.id = s.tenant_id
        join customers c on c.id = t.customer_id
        order by s.seats desc, s.entitlement_id, s.position`,
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
