import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { recordRemapFacts } from "./remap-facts-sql.ts";
import { webhookFanOut } from "./status-outbox-sql.ts";
import { storedValuesTable } from "./taxonomy-values-sql.ts";

/**
 * A playbook apply's remap of stored statuses (docs/PLAYBOOK-VERSIONS.md),
 * set-based: the batch is picked by one statement and written by another,
 * whatever its size. The statuses never pass through the server: 100,000 views
 * read, parsed, judged and sent back as JSON were most of a remap's time.
 */

/** One stored value on one service and where the playbook's changes take it. */
export interface RemapMapping {
  l1: string;
  l2: string;
  l3: string | null;
  serviceId: string;
  toL2: string | null;
  toL3: string | null;
}

/** An entitlement holding a moved value, at the version it was picked at. */
export interface RemapPick {
  id: string;
  version: number;
}

const mappingTable = (mapping: readonly RemapMapping[]) =>
  sql`json_to_recordset(${JSON.stringify(mapping)}::json)
    as m(l1 text, l2 text, l3 text, "serviceId" text, "toL2" text, "toL3" text)`;

/**
 * Up to `limit` entitlements holding a value of `mapping`, in id order after
 * `after` (null: from the first). Found through the segments' l1/l2/l3 index.
 */
export function pickRemapBatch(
  db: Db,
  mapping: readonly RemapMapping[],
  after: string | null,
  limit: number,
): Promise<RemapPick[]> {
  return rowsOf<RemapPick>(
    db,
    sql`select f.entitlement_id::text as "id", min(f.version) as "version"
          -- OFFSET 0: else the planner starts at the mapping's services and reads all their entitlements.
          from (select s.entitlement_id, s.l1, s.l2, s.l3, se.service_id, se.version from ${storedValuesTable(mapping)}
                  join status_segments s on s.l1 = v.l1 and s.l2 = v.l2
                   and (s.l3 = v.l3 or (s.l3 is null and v.l3 is null))
                  join entitlements se on se.id = s.entitlement_id
                offset 0) f
          join ${mappingTable(mapping)}
            on m.l1 = f.l1 and m.l2 = f.l2 and m.l3 is not distinct from f.l3 and m."serviceId" = f.service_id
         where f.entitlement_id > coalesce(${after}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
         group by f.entitlement_id
         order by f.entitlement_id
         limit ${limit}`,
  );
}

export interface RemapBatchWrite {
  mapping: readonly RemapMapping[];
  picked: readonly RemapPick[];
  actor: { id: string | null; role: string };
  requestId: string | null;
  playbookVersion: string;
  now: Date;
}

/** The entitlements a batch wrote and the ids of the history rows it added for them. */
export interface RemapBatchWritten {
  ids: string[];
  historyIds: string[];
}

/** A timestamp as the API gives it (JavaScript's toISOString), as entitlement-view-sql.ts writes it. */
const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** A segment's L2 and L3 after the remap: the mapped value's, or as they are. */
const toL2 = 'case when m.l1 is null then s.l2 else m."toL2" end';
const toL3 = 'case when m.l1 is null then s.l3 else m."toL3" end';

/**
 * A segment `s` as the status write stores it in history (StoredSegment: the
 * view's keys less ownerResolved, which is read-time), with `l2` and `l3` as given.
 */
const segmentJson = (l2: string, l3: string) =>
  sql`jsonb_build_object('seats', s.seats, 'l1', s.l1, 'scenarioId', s.scenario_id, 'l2', ${sql.raw(l2)},
    'l3', ${sql.raw(l3)}, 'serviceStatus', s.service_status, 'engagementScenario', s.engagement_scenario,
    'targetDate', s.target_date, 'owner', s.owner, 'note', s.note, 'nextActionDate', s.next_action_date,
    'nextAction', s.next_action, 'splitReason', s.split_reason, 'l1Since', ${iso("s.l1_since")},
    'ownerRef', case
      when s.owner_user_id is not null then jsonb_build_object('kind', 'person', 'userId', s.owner_user_id)
      when s.owner_team is not null then jsonb_build_object('kind', 'team', 'role', s.owner_team) end)`;

/**
 * Moves the picked entitlements' segments to their mapped values with one
 * statement, as a status write does: version + 1 and the stamp (with the
 * Blocked keys the segment trigger would otherwise correct), the segments'
 * L2 and L3, one history row each with source `remap` and the whole before and
 * after, and a `status.changed` webhook event per subscription wanting it.
 * Compare-and-set: an entitlement no longer at its picked version (an edit
 * committed since) is not written; the UPDATE's row lock makes an edit
 * committing meanwhile either land first (and this skip it) or wait and get
 * its 409. The parts after the UPDATE read its RETURNING rather than join it
 * to `current` again: the planner counts a CTE's rows as one or two and would
 * compare every pair (4 million rows for a batch of 1,000). The history facts
 * of the rows are recorded after it (recordRemapFacts): call it in a
 * transaction. Returns the ids written and their history rows' ids.
 */
export async function writeRemapBatch(db: Db, batch: RemapBatchWrite): Promise<RemapBatchWritten> {
  if (batch.picked.length === 0) return { ids: [], historyIds: [] };
  const now = batch.now.toISOString();
  // The rows' history facts are recorded below, set-based, not by the trigger (migration 0031).
  await db.execute(sql`set local unblock.history_facts = 'caller'`);
  // The UPDATE of entitlements below writes the only summary a remap changes (blocked_keys): the segment
  // trigger skips recomputing them (migration 0035).
  await db.execute(sql`set local unblock.segment_summaries = 'caller'`);
  // The facts statement's estimates pass the JIT threshold: compiling it took 0.36 to 0.49 s a batch.
  await db.execute(sql`set local jit = off`);
  const [written] = await rowsOf<{ ids: string[] | null; historyIds: string[] | null }>(
    db,
    sql`with picked as (
          select * from json_to_recordset(${JSON.stringify(batch.picked)}::json) as p(id uuid, version integer)
        ), m as materialized (select * from ${mappingTable(batch.mapping)}),
        current as materialized (
          select e.id, e.version, e.stage, e.available_seats, e.service_id,
                 jsonb_agg(${segmentJson("s.l2", "s.l3")} order by s.position) as before,
                 jsonb_agg(${segmentJson(toL2, toL3)}
                   order by s.position) as after,
                 coalesce(array_agg(distinct e.service_id || '/' || coalesce(${sql.raw(toL2)}, ''))
                   filter (where s.l1 = 'blocked'), '{}'::text[]) as blocked_keys,
                 coalesce(sum(s.seats) filter (where s.l1 = 'blocked'), 0)::int as blocked_seats,
                 bool_or(m.l1 is not null) as moves
            from picked p
            join entitlements e on e.id = p.id and e.version = p.version
            join status_segments s on s.entitlement_id = e.id
            left join m on m.l1 = s.l1 and m.l2 = s.l2 and m.l3 is not distinct from s.l3 and m."serviceId" = e.service_id
           group by e.id
        ), updated as (
          update entitlements e
             set version = e.version + 1, updated_at = ${now}::timestamptz, updated_by = ${batch.actor.id}::uuid,
                 blocked_keys = c.blocked_keys
            from current c
           where e.id = c.id and e.version = c.version and c.moves
          returning e.id, c.version, c.stage, c.available_seats, c.service_id, c.before, c.after, c.blocked_seats
        ), moved as (
          update status_segments s set l2 = m."toL2", l3 = m."toL3"
            from updated c join m on m."serviceId" = c.service_id
           where s.entitlement_id = c.id and s.l1 = m.l1 and s.l2 = m.l2 and s.l3 is not distinct from m.l3
        ), logged as (
          insert into status_history (entitlement_id, at, actor_id, actor_role, source, playbook_version,
            version_after, before, after, request_id)
          select c.id, ${now}::timestamptz, ${batch.actor.id}::uuid, ${batch.actor.role}::text, 'remap',
                 ${batch.playbookVersion}::text, c.version + 1,
                 jsonb_build_object('stage', c.stage, 'availableSeats', c.available_seats, 'segments', c.before),
                 jsonb_build_object('stage', c.stage, 'availableSeats', c.available_seats, 'segments', c.after),
                 ${batch.requestId}::text
            from updated c
           order by c.id
          returning id
        ), outbox as (
          insert into webhook_events (type, entitlement_id, payload, created_at)
          select 'status.changed', c.id, jsonb_build_object('type', 'status.changed', 'timestamp', ${now}::text,
                   'data', jsonb_build_object('entitlementId', c.id, 'serviceId', c.service_id,
                     'version', c.version + 1, 'stage', c.stage, 'stageBefore', c.stage,
                     'blockedSeats', jsonb_build_object('before', c.blocked_seats, 'after', c.blocked_seats),
                     'segments', (select jsonb_agg(jsonb_build_object('seats', g->'seats', 'l1', g->'l1',
                         'l2', g->'l2', 'l3', g->'l3', 'targetDate', g->'targetDate',
                         'nextActionDate', g->'nextActionDate') order by n)
                       from jsonb_array_elements(c.after) with ordinality as a(g, n)),
                     'changedBy', jsonb_build_object('id', ${batch.actor.id}::uuid, 'role', ${batch.actor.role}::text),
                     'source', 'remap')),
                 ${now}::timestamptz
            from updated c
           where exists (select 1 from webhook_subscriptions w where 'status.changed' = any(w.events))
           order by c.id
          returning id, type, entitlement_id, created_at
        ), fanned as (${webhookFanOut.fanned}),
        delivery_jobs as (${webhookFanOut.deliveryJobs})
        select (select array_agg(id::text) from updated) as "ids",
               (select array_agg(id::text) from logged) as "historyIds"`,
  );
  const historyIds = written?.historyIds ?? [];
  await recordRemapFacts(db, historyIds);
  return { ids: written?.ids ?? [], historyIds };
}
