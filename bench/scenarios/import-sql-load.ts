import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Actor } from "../../src/app/app-deps.ts";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";

/** One connection: the load is one transaction, so it cannot go through a pool. */
export interface SqlConnection {
  query(sqlText: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** COPY of CSV text (with a header line) into `target`, a table with a column list. */
  copyCsv(target: string, csvText: string): Promise<void>;
}

export interface SqlLoadResult {
  seconds: number;
  rows: number;
  /** Entitlements whose status the load changed: what writeDigest compares afterwards. */
  entitlementIds: string[];
  /** The tables' row counts and the written rows' digest, read in the load's transaction. */
  after: WriteDigest;
  /** Milliseconds per step: staging is the COPY and the playbook's tables. */
  steps: Record<string, number>;
}

/** The playbook's values as the load checks them: taxonomy paths, scenario rows, teams. */
function playbookTables(index: PlaybookIndex) {
  const { playbook } = index;
  const taxonomy = playbook.l1s.flatMap((l1) => [
    { l1: l1.id, l2: null, l3: null },
    ...l1.l2s.flatMap((l2) => [
      { l1: l1.id, l2: l2.id, l3: null },
      ...l2.l3s.map((l3) => ({ l1: l1.id, l2: l2.id, l3: l3.id })),
    ]),
  ]);
  const scenarios = playbook.scenarios.map((row) => ({ id: row.id, l1: row.l1, stage: row.stage }));
  const teams = playbook.roles
    .filter((role) => role.id !== "admin")
    .map((role) => ({ id: role.id, name: role.name }));
  return { taxonomy, scenarios, teams };
}

const segmentJson = (s: string) => `jsonb_build_object('seats', ${s}.seats, 'l1', ${s}.l1,
  'scenarioId', ${s}.scenario_id, 'l2', ${s}.l2, 'l3', ${s}.l3, 'serviceStatus', ${s}.service_status,
  'engagementScenario', ${s}.engagement_scenario, 'targetDate', ${s}.target_date, 'owner', ${s}.owner,
  'ownerRef', case when ${s}.owner_user_id is not null then jsonb_build_object('kind', 'person', 'userId', ${s}.owner_user_id)
    when ${s}.owner_team is not null then jsonb_build_object('kind', 'team', 'role', ${s}.owner_team) end,
  'note', ${s}.note, 'nextActionDate', ${s}.next_action_date, 'nextAction', ${s}.next_action,
  'splitReason', ${s}.split_reason)`;

/** The file's rows resolved to their entitlements, typed, owners and scenario rows looked up. */
const resolveRows = `create temp table s_rows on commit drop as
  select i.line, e.id as entitlement_id, e.service_id, e.version as stored_version, e.stage as stored_stage,
    e.available_seats, coalesce(nullif(i.stage, ''), e.stage) as stage,
    (row_number() over (partition by e.id order by i.line) - 1)::int as position,
    nullif(i.version, '')::int as file_version, nullif(i.entitlement_id, '')::uuid as file_entitlement_id,
    nullif(i.available_seats, '')::int as file_available_seats,
    nullif(i.seats, '')::int as seats, i.l1, nullif(i.l2, '') as l2, nullif(i.l3, '') as l3,
    coalesce(nullif(i.scenario, ''), (select sc.id from s_scenarios sc
      where sc.l1 = i.l1 and sc.stage = coalesce(nullif(i.stage, ''), e.stage) limit 1)) as scenario_id,
    nullif(i.service_status, '') as service_status, nullif(i.engagement_scenario, '') as engagement_scenario,
    nullif(i.target_date, '')::date as target_date, nullif(i.owner, '') as owner,
    p.id as owner_user_id, tm.id as owner_team,
    coalesce(i.note, '') as note, nullif(i.next_action_date, '')::date as next_action_date,
    nullif(i.next_action, '') as next_action, nullif(replace(lower(i.split_reason), ' ', '_'), '') as split_reason
  from s_import i
  left join tenants t on lower(t.domain) = lower(i.tenant_domain)
  left join entitlements e on e.tenant_id = t.id and e.service_id = i.service
  left join s_people p on p.key = lower(i.owner)
  left join s_teams tm on tm.key = lower(i.owner)`;

/** Rows the load refuses: unknown keys, stale versions, values outside the playbook, seat totals. */
const refusedRows = `select
  (select count(*) from s_rows where entitlement_id is null
     or file_version is distinct from stored_version and file_version is not null
     or file_entitlement_id is distinct from entitlement_id and file_entitlement_id is not null
     or file_available_seats is distinct from available_seats and file_available_seats is not null
     or seats is null or seats < 0 or stage not in ('assignment', 'delivery') or scenario_id is null
     or not exists (select 1 from s_taxonomy x where x.l1 = s_rows.l1 and x.l2 is not distinct from s_rows.l2
                    and x.l3 is not distinct from s_rows.l3))
  + (select count(*) from (select entitlement_id from s_rows where entitlement_id is not null
     group by entitlement_id having sum(seats) <> max(available_seats)) totals) as refused`;

/** The fields an import compares to tell a change from a restatement (l1_since aside). */
const segmentRow = (
  s: string,
) => `row(${s}.seats, ${s}.l1, ${s}.scenario_id, ${s}.l2, ${s}.l3, ${s}.service_status,
  ${s}.engagement_scenario, ${s}.target_date, ${s}.owner, ${s}.owner_user_id, ${s}.owner_team, ${s}.note,
  ${s}.next_action_date, ${s}.next_action, ${s}.split_reason)::text`;

/** Each named entitlement's status before and after, and whether it changes (an import writes only those). */
const planChanges = `create temp table s_changes on commit drop as
  with after as (
    select entitlement_id, max(service_id) as service_id, max(stage) as stage, max(available_seats) as available_seats,
      count(*)::int as count, array_agg(${segmentRow("r")} order by position) as compared, array_agg(distinct l1) as l1s,
      coalesce(sum(seats) filter (where l1 = 'blocked'), 0)::int as blocked_seats,
      min(target_date) as earliest_target_date, min(next_action_date) as earliest_next_action_date,
      coalesce(array_agg(distinct service_id || '/' || coalesce(l2, '')) filter (where l1 = 'blocked'), '{}') as blocked_keys
    from s_rows r group by entitlement_id),
  before as (
    select s.entitlement_id, array_agg(${segmentRow("s")} order by s.position) as compared,
      array_agg(distinct s.l1) as l1s, coalesce(sum(s.seats) filter (where s.l1 = 'blocked'), 0)::int as blocked_seats,
      jsonb_agg(${segmentJson("s")} || jsonb_build_object('l1Since', s.l1_since) order by s.position) as segments
    from status_segments s join after a on a.entitlement_id = s.entitlement_id group by s.entitlement_id)
  select a.*, e.version, e.stage as stage_before, e.available_seats as seats_before,
    coalesce(b.segments, '[]') as before_segments, coalesce(b.l1s, '{}') as l1s_before,
    coalesce(b.blocked_seats, 0) as blocked_before
  from after a join entitlements e on e.id = a.entitlement_id left join before b on b.entitlement_id = a.entitlement_id
  where b.compared is distinct from a.compared or e.stage <> a.stage`;

/** The segments to store, each with when its seats entered their L1 (as l1SinceFor decides). */
const planSegments = `create temp table s_segments on commit drop as
  select r.*, coalesce(
      (select o.l1_since from status_segments o where o.entitlement_id = r.entitlement_id and o.position = r.position and o.l1 = r.l1),
      (select o.l1_since from status_segments o where o.entitlement_id = r.entitlement_id and o.l1 = r.l1 order by o.position limit 1),
      now()) as l1_since
  from s_rows r where r.entitlement_id in (select entitlement_id from s_changes)`;

const writes = [
  `update entitlements e set stage = c.stage, available_seats = c.available_seats, version = e.version + 1,
     updated_at = now(), updated_by = $1, blocked_seats = c.blocked_seats, earliest_target_date = c.earliest_target_date,
     earliest_next_action_date = c.earliest_next_action_date, blocked_keys = c.blocked_keys, resplit_needed = false
   from s_changes c where e.id = c.entitlement_id and e.version = c.version`,
  `insert into status_segments (entitlement_id, position, seats, l1, scenario_id, l2, l3, service_status,
     engagement_scenario, target_date, owner, owner_user_id, owner_team, note, next_action_date, next_action,
     split_reason, l1_since)
   select entitlement_id, position, seats, l1, scenario_id, l2, l3, service_status, engagement_scenario, target_date,
     owner, owner_user_id, owner_team, note, next_action_date, next_action, split_reason, l1_since
   from s_segments
   on conflict (entitlement_id, position) do update set seats = excluded.seats, l1 = excluded.l1,
     scenario_id = excluded.scenario_id, l2 = excluded.l2, l3 = excluded.l3, service_status = excluded.service_status,
     engagement_scenario = excluded.engagement_scenario, target_date = excluded.target_date, owner = excluded.owner,
     owner_user_id = excluded.owner_user_id, owner_team = excluded.owner_team, note = excluded.note,
     next_action_date = excluded.next_action_date, next_action = excluded.next_action,
     split_reason = excluded.split_reason, l1_since = excluded.l1_since`,
  `delete from status_segments s using s_changes c where s.entitlement_id = c.entitlement_id and s.position >= c.count`,
  `insert into status_history (entitlement_id, at, actor_id, actor_role, source, playbook_version, version_after,
     before, after, request_id)
   select c.entitlement_id, now(), $1, $2, 'import', $3, c.version + 1,
     jsonb_build_object('stage', c.stage_before, 'availableSeats', c.seats_before, 'segments', c.before_segments),
     jsonb_build_object('stage', c.stage, 'availableSeats', c.available_seats, 'segments', a.segments), null
   from s_changes c join (select s.entitlement_id,
       jsonb_agg(${segmentJson("s")} || jsonb_build_object('l1Since', s.l1_since) order by s.position) as segments
     from s_segments s group by s.entitlement_id) a on a.entitlement_id = c.entitlement_id
   order by c.entitlement_id`,
  // The outbox, as the status write statement fills it: events only while a subscription wants them.
  `with events as (
     insert into webhook_events (type, entitlement_id, payload, created_at)
     select v.type, c.entitlement_id, jsonb_build_object('type', v.type, 'timestamp', now(), 'data',
       jsonb_build_object('entitlementId', c.entitlement_id, 'version', c.version + 1, 'stage', c.stage)), now()
     from s_changes c cross join lateral (values ('status.changed'),
       (case when c.blocked_before = 0 and c.blocked_seats > 0 then 'entitlement.blocked' end),
       (case when c.blocked_before > 0 and c.blocked_seats = 0 then 'entitlement.unblocked' end)) v(type)
     where exists (select 1 from webhook_subscriptions) and v.type is not null
       and exists (select 1 from webhook_subscriptions s where v.type = any(s.events))
     returning id, type, entitlement_id, created_at),
   fanned as (
     insert into webhook_deliveries (subscription_id, event_id, entitlement_id, created_at)
     select s.id, o.id, o.entitlement_id, o.created_at from events o join webhook_subscriptions s on o.type = any(s.events)
     returning id, created_at)
   insert into jobs (kind, payload, state, run_at, max_attempts, retry_until, key, created_at, updated_at)
   select 'webhook.deliver', jsonb_build_object('deliveryId', f.id), 'queued', f.created_at, 1000,
     f.created_at + interval '24 hours', 'webhook.deliver:' || f.id, f.created_at, f.created_at from fanned f`,
  `insert into jobs (kind, payload, state, run_at, key, created_at, updated_at)
   select 'notify.handover', jsonb_build_object('entitlementId', c.entitlement_id, 'version', c.version + 1, 'l1', h.l1),
     'queued', now(), 'notify.handover:' || c.entitlement_id || ':' || (c.version + 1) || ':' || h.l1, now(), now()
   from s_changes c cross join (values ('no_intent'), ('blocked')) h(l1)
   where c.stage = 'delivery' and h.l1 = any(c.l1s) and (c.stage_before <> 'delivery' or not h.l1 = any(c.l1s_before))
   on conflict (key) do nothing`,
];

/**
 * The yardstick of the status import (docs/PERFORMANCE.md): the same file
 * loaded by hand-written SQL doing the same writes, in one transaction. COPY
 * into a staging table of text columns, keys resolved and the entitlements
 * locked, values checked against the playbook (taxonomy paths, scenario rows,
 * versions, seat totals), unchanged services left alone, then one statement
 * per table: entitlements with their summaries, segments, history with before
 * and after, the outbox. No scenario-row field rules: what a DBA would write.
 *
 * Rolled back at the end (the import then writes the same file for real), so
 * `seconds` leaves out the commit; the counts and digest are read first.
 */
export async function loadImportBySql(
  db: SqlConnection,
  index: PlaybookIndex,
  actor: Actor,
  csvText: string,
): Promise<SqlLoadResult> {
  const header = csvText.slice(0, csvText.indexOf("\n")).trim().split(",");
  const tables = playbookTables(index);
  await db.query("begin");
  try {
    const started = performance.now();
    const steps: Record<string, number> = {};
    let mark = started;
    const timed = async (name: string, sqlText: string, params?: unknown[]) => {
      const rows = await db.query(sqlText, params);
      const now = performance.now();
      steps[name] = (steps[name] ?? 0) + (now - mark);
      mark = now;
      return rows;
    };
    await db.query(
      `create temp table s_import (line serial, ${header.map((name) => `"${name}" text`).join(", ")}) on commit drop`,
    );
    await db.copyCsv(`s_import (${header.map((name) => `"${name}"`).join(", ")})`, csvText);
    await db.query(
      "create temp table s_taxonomy on commit drop as select * from json_to_recordset($1::json) as x(l1 text, l2 text, l3 text)",
      [JSON.stringify(tables.taxonomy)],
    );
    await db.query(
      "create temp table s_scenarios on commit drop as select * from json_to_recordset($1::json) as x(id text, l1 text, stage text)",
      [JSON.stringify(tables.scenarios)],
    );
    await db.query(
      `create temp table s_teams on commit drop as
       select distinct on (key) key, id from json_to_recordset($1::json) as x(id text, name text),
         lateral (values (lower(x.id)), (lower(x.name))) k(key)`,
      [JSON.stringify(tables.teams)],
    );
    await db.query(`create temp table s_people on commit drop as
       select distinct on (key) key, id from users, lateral (values (lower(email)), (lower(name))) k(key) order by key, id`);
    await db.query("analyze s_import");
    mark = performance.now();
    steps.staging = mark - started;
    await timed(
      "lock",
      `select e.id from s_import i join tenants t on lower(t.domain) = lower(i.tenant_domain)
       join entitlements e on e.tenant_id = t.id and e.service_id = i.service for update of e`,
    );
    await timed("resolve", resolveRows);
    const [refused] = await timed("check", refusedRows);
    if (Number(refused?.refused) > 0) throw new Error(`the SQL load refused ${refused?.refused} rows`);
    await timed("changes", planChanges);
    await timed("segments plan", planSegments);
    const params = [actor.id || null, actor.role, index.playbook.version];
    await timed("entitlements", writes[0]!, [params[0]]);
    await timed("segments", writes[1]!);
    await timed("segments delete", writes[2]!);
    await timed("history", writes[3]!, params);
    await timed("outbox", writes[4]!);
    await timed("handover jobs", writes[5]!);
    const seconds = (performance.now() - started) / 1000;
    const ids = (await db.query("select entitlement_id::text as id from s_changes")).map((row) =>
      String(row.id),
    );
    const rows = Number((await db.query("select count(*)::int as n from s_import"))[0]?.n);
    const after = await writeDigest(db, ids);
    return { seconds, rows, entitlementIds: ids, after, steps };
  } finally {
    await db.query("rollback");
  }
}

export interface WriteDigest {
  history: number;
  segments: number;
  webhookEvents: number;
  jobs: number;
  /** md5 of the named entitlements' stored status: stage, seats, version, summaries, every segment. */
  status: string;
}

/**
 * Row counts of the tables an import writes and a digest of what the named
 * entitlements hold (l1_since and update times aside: the two writers' clocks
 * differ), so that two writers of one file can be shown to write the same.
 */
export async function writeDigest(
  db: Pick<SqlConnection, "query">,
  ids: readonly string[],
): Promise<WriteDigest> {
  const [row] = await db.query(
    `select (select count(*) from status_history)::int as history, (select count(*) from status_segments)::int as segments,
       (select count(*) from webhook_events)::int as "webhookEvents", (select count(*) from jobs)::int as jobs,
       (select md5(coalesce(string_agg(concat_ws('|', e.id, e.stage, e.available_seats, e.version, e.blocked_seats,
          e.earliest_target_date, e.earliest_next_action_date, e.blocked_keys::text,
          (select string_agg(concat_ws('|', s.position, s.seats, s.l1, s.scenario_id, s.l2, s.l3, s.service_status,
             s.engagement_scenario, s.target_date, s.owner, s.owner_user_id, s.owner_team, s.note, s.next_action_date,
             s.next_action, s.split_reason), ';' order by s.position) from status_segments s where s.entitlement_id = e.id)),
          E'\\n' order by e.id), ''))
        from entitlements e where e.id = any($1::uuid[])) as status`,
    [ids],
  );
  return row as unknown as WriteDigest;
}

/** A connection of its own for the load: a pg client on the server; PGlite's one connection is the session's. */
export async function openSqlConnection(
  session: {
    kind: "postgres" | "pglite";
    query: BenchQuery;
    copyCsv(target: string, csvText: string): Promise<void>;
  },
  url: string | undefined,
): Promise<SqlConnection & { close(): Promise<void> }> {
  if (session.kind === "pglite" || !url) {
    return {
      query: async (sqlText, params = []) =>
        (await session.query(sqlText, params)).rows as Record<string, unknown>[],
      copyCsv: (target, csvText) => session.copyCsv(target, csvText),
      close: async () => undefined,
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    query: async (sqlText, params = []) => (await client.query(sqlText, params)).rows,
    copyCsv: (target, csvText) =>
      pipeline(
        Readable.from([csvText]),
        client.query(copyFrom(`copy ${target} from stdin with (format csv, header true)`)),
      ),
    close: () => client.end(),
  };
}

type BenchQuery = (sqlText: string, params: readonly unknown[]) => Promise<{ rows: unknown[] }>;
