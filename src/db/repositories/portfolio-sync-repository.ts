import type { FeedFileName } from "../../domain/feed/feed-files.ts";
import type { BulkSession } from "../client.ts";

/**
 * The portfolio feed's SQL. A sync runs in one transaction on one connection
 * (Database.bulkLoad): the files are copied into temporary staging tables,
 * checked there against each other and the stored portfolio, then applied
 * with one set-based statement per step (the staging and checks are
 * in sql/feed-staging-sql.ts), each writing only the rows whose
 * values differ (IS DISTINCT FROM), so a second sync of the same files
 * writes nothing. A sync killed at any point leaves nothing behind.
 */

/** What one file's rows did to the stored portfolio. */
export interface SyncCounts {
  added: number;
  changed: number;
  unchanged: number;
  ended: number;
}

/** Who syncs and when: stamped on what the sync writes. */
export interface SyncStamp {
  now: string;
  actorId: string | null;
  actorRole: string;
  playbookVersion: string;
}

/** Optional columns the file had: a column left out keeps the stored values. */
export type PresentColumns = ReadonlySet<string>;

async function okRows(session: BulkSession, file: FeedFileName): Promise<number> {
  const { rows } = await session.execute(`select count(*)::int as n from feed_${file} where ok`);
  return Number(rows[0]?.n ?? 0);
}

/** Counts an upsert's RETURNING (inserted: xmax is 0 on a fresh row version). */
async function upsertCounts(
  session: BulkSession,
  file: FeedFileName,
  statement: string,
  params: unknown[] = [],
) {
  const { rows } = await session.execute(
    `with upserted as (${statement} returning (xmax::text = '0') as inserted)
     select count(*) filter (where inserted)::int as added, count(*) filter (where not inserted)::int as changed
       from upserted`,
    params,
  );
  const added = Number(rows[0]?.added ?? 0);
  const changed = Number(rows[0]?.changed ?? 0);
  return { added, changed, unchanged: (await okRows(session, file)) - added - changed, ended: 0 };
}

/** `excluded.col` when the file had the column, the stored value otherwise. */
const fromFile = (present: PresentColumns, column: string, table: string, feedColumn = column) =>
  present.has(feedColumn) ? `excluded.${column}` : `${table}.${column}`;

/**
 * "Stored row `o` is open and holds these values already": rows matching it
 * are left out of an upsert, so an unchanged row is neither written nor
 * locked (ON CONFLICT would lock it even to write nothing). Pairs of stored
 * column and feed value; optional columns the file lacks are left out.
 */
function unchangedIn(
  table: string,
  key: string,
  pairs: [string, string, string?][],
  present: PresentColumns,
): string {
  const kept = pairs.filter(([, , optional]) => optional === undefined || present.has(optional));
  return `not exists (select 1 from ${table} o where ${key} and o.ended_at is null
            and (${kept.map(([stored]) => `o.${stored}`).join(", ")})
                is not distinct from (${kept.map(([, value]) => value).join(", ")}))`;
}

export function upsertCustomers(session: BulkSession, present: PresentColumns): Promise<SyncCounts> {
  const segment = fromFile(present, "segment", "c");
  const country = fromFile(present, "country", "c");
  return upsertCounts(
    session,
    "customers",
    `insert into customers as c (external_id, name, segment, country)
     select s.customer_key, s.name, s.segment, s.country from feed_customers s
      where s.ok and ${unchangedIn(
        "customers",
        "o.external_id = s.customer_key",
        [
          ["name", "s.name"],
          ["segment", "s.segment", "segment"],
          ["country", "s.country", "country"],
        ],
        present,
      )}
     on conflict (external_id) do update set name = excluded.name, segment = ${segment}, country = ${country},
        ended_at = null
     where (c.name, c.segment, c.country, c.ended_at) is distinct from (excluded.name, ${segment}, ${country}, null)`,
  );
}

export function upsertTenants(session: BulkSession, present: PresentColumns): Promise<SyncCounts> {
  const country = fromFile(present, "country", "t");
  return upsertCounts(
    session,
    "tenants",
    `insert into tenants as t (external_id, customer_id, name, domain, country)
     select s.tenant_key, c.id, s.name, s.domain, s.country
       from feed_tenants s join customers c on c.external_id = s.customer_key
      where s.ok and ${unchangedIn(
        "tenants",
        "o.external_id = s.tenant_key",
        [
          ["customer_id", "c.id"],
          ["name", "s.name"],
          ["domain", "s.domain"],
          ["country", "s.country", "country"],
        ],
        present,
      )}
     on conflict (external_id) do update set customer_id = excluded.customer_id, name = excluded.name,
        domain = excluded.domain, country = ${country}, ended_at = null
     where (t.customer_id, t.name, t.domain, t.country, t.ended_at)
           is distinct from (excluded.customer_id, excluded.name, excluded.domain, ${country}, null)`,
  );
}

/**
 * Seat changes first keep the statuses true: a one-segment status follows the
 * new count (its segment resized, one history row with source `sync`); a
 * split no longer adding up is kept and marked resplit_needed. Then the
 * entitlements are upserted, their version raised where the seats changed.
 */
export async function upsertEntitlements(
  session: BulkSession,
  present: PresentColumns,
  stamp: SyncStamp,
): Promise<SyncCounts> {
  await session.execute(
    `create temporary table feed_seat_changes on commit drop as
     select e.id, e.version, e.stage, e.available_seats as old_seats, s.available_seats as new_seats
       from feed_entitlements s
       join tenants t on t.external_id = s.tenant_key
       join entitlements e on e.tenant_id = t.id and e.service_id = s.service_id
      where s.ok and e.available_seats <> s.available_seats
        and (select count(*) from status_segments g where g.entitlement_id = e.id) = 1`,
  );
  await session.execute(
    `insert into status_history (entitlement_id, at, actor_id, actor_role, source, playbook_version, version_after,
       before, after)
     select c.id, $1::timestamptz, $2::uuid, $3, 'sync', $4, c.version + 1,
            jsonb_build_object('stage', c.stage, 'availableSeats', c.old_seats, 'segments', jsonb_build_array(g.doc)),
            jsonb_build_object('stage', c.stage, 'availableSeats', c.new_seats,
                               'segments', jsonb_build_array(g.doc || jsonb_build_object('seats', c.new_seats)))
       from feed_seat_changes c
       join lateral (select ${segmentJson} as doc from status_segments s where s.entitlement_id = c.id) g on true
      order by c.id`,
    [stamp.now, stamp.actorId, stamp.actorRole, stamp.playbookVersion],
  );
  await session.execute(
    `update status_segments s set seats = c.new_seats from feed_seat_changes c where s.entitlement_id = c.id`,
  );
  await session.execute(
    `create temporary table feed_reopened on commit drop as
     select e.id from feed_entitlements s
       join tenants t on t.external_id = s.tenant_key
       join entitlements e on e.tenant_id = t.id and e.service_id = s.service_id
      where s.ok and e.ended_at is not null`,
  );
  const purchased = fromFile(present, "purchased_seats", "e");
  const start = fromFile(present, "start_date", "e");
  const end = fromFile(present, "end_date", "e");
  const seatsChange = "e.available_seats <> excluded.available_seats";
  const counts = await upsertCounts(
    session,
    "entitlements",
    `insert into entitlements as e (tenant_id, service_id, available_seats, purchased_seats, start_date, end_date,
       updated_at, updated_by)
     select t.id, s.service_id, s.available_seats, s.purchased_seats, s.start_date, s.end_date, $1::timestamptz, $2::uuid
       from feed_entitlements s join tenants t on t.external_id = s.tenant_key
      where s.ok and ${unchangedIn(
        "entitlements",
        "o.tenant_id = t.id and o.service_id = s.service_id",
        [
          ["available_seats", "s.available_seats"],
          ["purchased_seats", "s.purchased_seats", "purchased_seats"],
          ["start_date", "s.start_date", "start_date"],
          ["end_date", "s.end_date", "end_date"],
        ],
        present,
      )}
     on conflict (tenant_id, service_id) do update set available_seats = excluded.available_seats,
        purchased_seats = ${purchased}, start_date = ${start}, end_date = ${end}, ended_at = null,
        version = e.version + (case when ${seatsChange} then 1 else 0 end),
        updated_at = case when ${seatsChange} then excluded.updated_at else e.updated_at end,
        updated_by = case when ${seatsChange} then excluded.updated_by else e.updated_by end,
        resplit_needed = case when ${seatsChange}
          then (select count(*) > 1 and sum(g.seats) <> excluded.available_seats
                  from status_segments g where g.entitlement_id = e.id)
          else e.resplit_needed end
     where (e.available_seats, e.purchased_seats, e.start_date, e.end_date, e.ended_at)
           is distinct from (excluded.available_seats, ${purchased}, ${start}, ${end}, null)`,
    [stamp.now, stamp.actorId],
  );
  // Reopened entitlements count in the reports again.
  await applyBlockedSegments(session, "feed_reopened", 1);
  return counts;
}

/**
 * Adds (+1) or takes out (-1) the Blocked segments of the entitlements listed
 * in a staging table from the report aggregates, as the segment triggers do
 * for a status change: the reports count open entitlements only.
 */
async function applyBlockedSegments(session: BulkSession, idsTable: string, sign: 1 | -1): Promise<void> {
  await session.execute(
    `select unblock_apply_blocked_changes(array(
       select row(${sign}, s.entitlement_id, s.l2, s.l3, s.seats, s.target_date, s.l1_since)::unblock_blocked_segment
         from status_segments s where s.l1 = 'blocked' and s.entitlement_id in (select id from ${idsTable})))`,
  );
}

/** A stored segment as history snapshots keep it (StoredSegment), its owner as resolved (docs/OWNERS.md). */
const segmentJson = `jsonb_build_object('seats', s.seats, 'l1', s.l1, 'scenarioId', s.scenario_id, 'l2', s.l2,
  'l3', s.l3, 'serviceStatus', s.service_status, 'engagementScenario', s.engagement_scenario,
  'targetDate', s.target_date, 'owner', s.owner, 'note', s.note, 'nextActionDate', s.next_action_date,
  'nextAction', s.next_action, 'splitReason', s.split_reason,
  'l1Since', to_char(s.l1_since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'ownerRef', case when s.owner_user_id is not null then jsonb_build_object('kind', 'person', 'userId', s.owner_user_id)
    when s.owner_team is not null then jsonb_build_object('kind', 'team', 'role', s.owner_team) end)`;

/**
 * People are users (made without a password) and their assignments. A row is
 * added when its assignment is new, changed when only the person's name
 * changed. Counted before writing: the writes are not one per row.
 */
export async function upsertPeople(session: BulkSession, stamp: SyncStamp): Promise<SyncCounts> {
  const { rows } = await session.execute(
    `select count(*) filter (where a.id is null)::int as added,
            count(*) filter (where a.id is not null and u.name <> s.name)::int as changed,
            count(*) filter (where a.id is not null and u.name = s.name)::int as unchanged
       from feed_people s
       left join users u on u.email = s.email
       left join customers c on c.external_id = s.customer_key
       left join tenants t on t.external_id = s.tenant_key
       left join lateral (select a.id from assignments a where a.user_id = u.id
                            and a.customer_id is not distinct from c.id and a.tenant_id is not distinct from t.id
                          limit 1) a on true
      where s.ok`,
  );
  await session.execute(
    `insert into users as u (email, name, role)
     select distinct on (s.email) s.email, s.name, s.role_id from feed_people s
      where s.ok and not exists (select 1 from users o where o.email = s.email and o.name = s.name)
      order by s.email, s.row
     on conflict (email) do update set name = excluded.name where u.name <> excluded.name`,
  );
  await session.execute(
    `insert into assignments (user_id, customer_id, tenant_id, from_feed, created_at)
     select u.id, c.id, t.id, true, $1::timestamptz
       from feed_people s
       join users u on u.email = s.email
       left join customers c on c.external_id = s.customer_key
       left join tenants t on t.external_id = s.tenant_key
      where s.ok and not exists (select 1 from assignments a where a.user_id = u.id
                                   and a.customer_id is not distinct from c.id and a.tenant_id is not distinct from t.id)`,
    [stamp.now],
  );
  const counts = rows[0] ?? {};
  return {
    added: Number(counts.added ?? 0),
    changed: Number(counts.changed ?? 0),
    unchanged: Number(counts.unchanged ?? 0),
    ended: 0,
  };
}

export function upsertUsage(session: BulkSession): Promise<SyncCounts> {
  return upsertCounts(
    session,
    "usage",
    `insert into usage_points as p (tenant_id, service_id, date, active_seats)
     select t.id, s.service_id, s.date, s.active_seats
       from feed_usage s join tenants t on t.external_id = s.tenant_key
      where s.ok and not exists (select 1 from usage_points o where o.tenant_id = t.id
                                   and o.service_id = s.service_id and o.date = s.date
                                   and o.active_seats = s.active_seats)
     on conflict (tenant_id, service_id, date) do update set active_seats = excluded.active_seats
     where p.active_seats <> excluded.active_seats`,
  );
}

/**
 * A feed file as the last applied sync left it: its bytes' hash, its valid
 * rows, and the checksum of its table after that sync (feed-checksum-sql).
 * A later sync given the same bytes over the same table state has nothing
 * to write for it.
 */
export interface FeedFileState {
  sha256: string;
  rows: number;
  checksum: string;
  /** Whether that sync was full: only then does the table hold nothing but the file's rows. */
  full: boolean;
  playbookVersion: string;
}

/**
 * The state each file was left in by the newest applied sync that was given
 * it; a file that sync refused rows of, or could not sum, has none (null).
 */
export async function lastFileStates(
  session: Pick<BulkSession, "execute">,
): Promise<Map<FeedFileName, FeedFileState | null>> {
  const { rows } = await session.execute(
    `select distinct on (f.key) f.key as file, f.value as state
       from portfolio_syncs p cross join lateral jsonb_each(p.report->'fileStates') f
      where p.applied and not p.dry_run
      order by f.key, p.id desc`,
  );
  const states = new Map<FeedFileName, FeedFileState | null>();
  for (const row of rows) {
    const state = typeof row.state === "string" ? JSON.parse(row.state) : row.state;
    states.set(row.file as FeedFileName, (state ?? null) as FeedFileState | null);
  }
  return states;
}

/** What a full sync would end, before it does: the rule on mass ends is judged on it. */
export interface EndPlan {
  customers: number;
  tenants: number;
  entitlements: number;
  people: number;
  /** Open tenants and entitlements before the end. */
  openTenants: number;
  openEntitlements: number;
}

/**
 * Marks what the given files no longer name: open rows of a given file whose
 * key no staged row (valid or refused) names, and the tenants of an ended
 * customer and entitlements of an ended tenant with them. Only feed-made
 * assignments end (they are removed; users stay).
 */
export async function planEnd(session: BulkSession, given: ReadonlySet<FeedFileName>): Promise<EndPlan> {
  const flag = (file: FeedFileName) => (given.has(file) ? "true" : "false");
  await session.execute(
    `create temporary table feed_end_customers on commit drop as
     select c.id from customers c
      where ${flag("customers")} and c.ended_at is null
        and not exists (select 1 from feed_customers s where s.customer_key = c.external_id)`,
  );
  await session.execute(
    `create temporary table feed_end_tenants on commit drop as
     select t.id from tenants t
      where t.ended_at is null and not exists (select 1 from feed_tenants s where s.tenant_key = t.external_id)
        and (${flag("tenants")} or t.customer_id in (select id from feed_end_customers))`,
  );
  await session.execute(
    `create temporary table feed_end_entitlements on commit drop as
     select e.id from entitlements e
      where e.ended_at is null
        and not exists (select 1 from feed_entitlements s join tenants t on t.external_id = s.tenant_key
                         where t.id = e.tenant_id and s.service_id = e.service_id)
        and (${flag("entitlements")} or e.tenant_id in (select id from feed_end_tenants))`,
  );
  await session.execute(
    `create temporary table feed_end_assignments on commit drop as
     select a.id from assignments a join users u on u.id = a.user_id
      where ${flag("people")} and a.from_feed
        and not exists (select 1 from feed_people s
                          left join customers c on c.external_id = s.customer_key
                          left join tenants t on t.external_id = s.tenant_key
                         where s.email = u.email and a.customer_id is not distinct from c.id
                           and a.tenant_id is not distinct from t.id)`,
  );
  const { rows } = await session.execute(
    `select (select count(*) from feed_end_customers)::int as customers,
            (select count(*) from feed_end_tenants)::int as tenants,
            (select count(*) from feed_end_entitlements)::int as entitlements,
            (select count(*) from feed_end_assignments)::int as people,
            (select count(*) from tenants where ended_at is null)::int as "openTenants",
            (select count(*) from entitlements where ended_at is null)::int as "openEntitlements"`,
  );
  const row = rows[0] ?? {};
  return {
    customers: Number(row.customers),
    tenants: Number(row.tenants),
    entitlements: Number(row.entitlements),
    people: Number(row.people),
    openTenants: Number(row.openTenants),
    openEntitlements: Number(row.openEntitlements),
  };
}

/** Ends what planEnd marked: ended_at set, nothing deleted but feed-made assignments. */
export async function applyEnd(session: BulkSession, now: string): Promise<void> {
  // Out of the reports while still open: the aggregates skip ended entitlements' segments.
  await applyBlockedSegments(session, "feed_end_entitlements", -1);
  for (const table of ["customers", "tenants", "entitlements"]) {
    await session.execute(
      `update ${table} set ended_at = $1::timestamptz where id in (select id from feed_end_${table})`,
      [now],
    );
  }
  await session.execute("delete from assignments where id in (select id from feed_end_assignments)");
}

/**
 * The sync record: one row per sync, dry run or not. A sync the server runs
 * as a job already has its row (`id`): it is finished rather than added.
 */
export async function recordSync(
  session: Pick<BulkSession, "execute">,
  record: {
    id?: number | undefined;
    at: string;
    actorId: string | null;
    actorEmail: string;
    dryRun: boolean;
    full: boolean;
    partial: boolean;
    allowMassEnd: boolean;
    applied: boolean;
    report: unknown;
  },
): Promise<void> {
  if (record.id !== undefined) {
    await session.execute(
      `update portfolio_syncs set state = 'done', applied = $2, report = $3::jsonb, finished_at = now()
       where id = $1`,
      [record.id, record.applied, JSON.stringify(record.report)],
    );
    return;
  }
  await session.execute(
    `insert into portfolio_syncs
       (at, actor_id, actor_email, dry_run, "full", partial, allow_mass_end, applied, report, finished_at)
     values ($1::timestamptz, $2::uuid, $3, $4, $5, $6, $7, $8, $9::jsonb, now())`,
    [
      record.at,
      record.actorId,
      record.actorEmail,
      record.dryRun,
      record.full,
      record.partial,
      record.allowMassEnd,
      record.applied,
      JSON.stringify(record.report),
    ],
  );
}
