import { type SQL, sql } from "drizzle-orm";
import { currentValueOf, type TaxonomyMapRow } from "../../domain/playbook/taxonomy-map.ts";
import type { Db } from "../client.ts";
import { analyticRows } from "../infra/analytic-read.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import type { DwellTallyRow } from "./history-facts-repository.ts";

/**
 * Dwell times for the whole portfolio from the dwell tallies (migration 0030,
 * docs/HISTORY.md "Cost"): seats summed per written (version, L2, L3) or
 * service by day Blocked and day ended, and tenants per group counted by the
 * last day they held Blocked seats there. A read sums a few thousand rows
 * instead of every spell piece, and answers what the pieces answer
 * (history-facts.test.ts compares them).
 */

/** Rows appended since the last fold a reader tolerates, halved. */
const foldAfter = 20_000;

/**
 * Counts the queued tenants again and folds appended rows. False where that
 * cannot be done (a read-only replica): the pieces answer then.
 */
export async function ensureDwellTallies(db: Db): Promise<boolean> {
  const [state] = await rowsOf<{ queued: boolean; appended: number }>(
    db,
    sql`select exists (select 1 from blocked_dwell_dirty) as queued,
          -- The statistics' count of live rows: counting them would cost more than the read.
          (coalesce((select sum(n_live_tup) from pg_stat_user_tables where relname in
              ('blocked_dwell_seats', 'blocked_dwell_service_seats', 'blocked_dwell_tenant_counts',
               'blocked_dwell_durations')), 0)
            - coalesce((select compacted_rows from history_fact_state where name = 'dwell'), 0))::int as appended`,
  );
  try {
    if (state?.queued) await db.execute(sql`select unblock_refresh_dwell_tenants()`);
    if ((state?.appended ?? 0) > foldAfter * 2) await db.execute(sql`select unblock_compact_dwell_tallies()`);
  } catch {
    return false;
  }
  return true;
}

type Grouping = "l2" | "l3" | "service";

/** How the written groups present read in today's taxonomy (null parts: as written). */
interface GroupMap {
  /** Written (version, L2, L3), none as "", to today's L2 and L3. */
  keys: { v: string; w2: string; w3: string; l2: string | null; l3: string | null }[] | null;
  /** Written groups whose tenants count under one group of today alone: written key -> today's key. */
  simple: Map<string, string> | null;
  /** Written (L2, L3) pairs of today's groups that several written groups make up. */
  merged: { l2: string; l3: string | null; c: string }[];
}

const groupKey = (by: Grouping, l2: string | null, l3: string | null) =>
  by === "l3" ? `${l2 ?? ""}/${l3 ?? ""}` : (l2 ?? "");

/**
 * Maps the written groups the tallies hold to today's (taxonomy-map.ts). The
 * tenant counts are kept per written L2 or (L2, L3) without the version, so
 * they answer only when a written pair reads the same under every version and
 * service; a group of today made of several written ones is counted from the
 * tenants' rows.
 */
async function groupMap(db: Db, by: "l2" | "l3", map: readonly TaxonomyMapRow[]): Promise<GroupMap | null> {
  // No Blocked value ever moved: every group reads as written, nothing to look up.
  if (!map.some((row) => row.l1 === "blocked")) return { keys: null, simple: null, merged: [] };
  if (map.some((row) => row.l1 === "blocked" && row.serviceId !== "*")) return null;
  const written = await rowsOf<{ version: string | null; l2: string | null; l3: string | null }>(
    db,
    sql`select distinct version, l2, l3 from blocked_dwell_seats`,
  );
  const pairs = new Map<string, { l2: string | null; l3: string | null; c: string }>();
  const keys: GroupMap["keys"] = [];
  for (const row of written) {
    const now = currentValueOf(map, { ...row, l1: "blocked", serviceId: "*" });
    keys.push({ v: row.version ?? "", w2: row.l2 ?? "", w3: row.l3 ?? "", l2: now.l2, l3: now.l3 });
    const pair = JSON.stringify([row.l2, row.l3]);
    const c = groupKey(by, now.l2, now.l3);
    if ((pairs.get(pair)?.c ?? c) !== c) return null;
    pairs.set(pair, { l2: row.l2, l3: row.l3, c });
  }
  const writtenOf = new Map<string, Set<string>>();
  const todayOf = new Map<string, Set<string>>();
  for (const { l2, l3, c } of pairs.values()) {
    const w = groupKey(by, l2, l3);
    writtenOf.set(c, (writtenOf.get(c) ?? new Set()).add(w));
    todayOf.set(w, (todayOf.get(w) ?? new Set()).add(c));
  }
  const simple = new Map<string, string>();
  const merged: GroupMap["merged"] = [];
  for (const { l2, l3, c } of pairs.values()) {
    const w = groupKey(by, l2, l3);
    if (writtenOf.get(c)!.size === 1 && todayOf.get(w)!.size === 1) simple.set(w, c);
    else if (l2 !== null) merged.push({ l2, l3, c });
    else return null;
  }
  return { keys, simple, merged };
}

/**
 * Dwell tallies (as dwellTalliesFromFacts gives them) for the whole portfolio
 * over a window ending on the last day the tallies hold (`until` its end);
 * null when the tallies cannot answer: an entitlement ended after `until`, or
 * a taxonomy map they cannot apply. The window the dwell durations hold is
 * summed per duration; `moveWindow` (the default window) moves theirs to this
 * one first; any other window sums the (day Blocked, day ended) pairs.
 */
export async function dwellTalliesFromSums(
  db: Db,
  until: string,
  window: { from: string; to: string },
  by: Grouping,
  map: readonly TaxonomyMapRow[],
  moveWindow = false,
): Promise<DwellTallyRow[] | null> {
  const [later] = await rowsOf<{ later: boolean }>(
    db,
    sql`select exists (select 1 from entitlements where ended_at >= ${until}::timestamptz) as later`,
  );
  if (later?.later) return null;
  const groups = by === "service" ? null : await groupMap(db, by, map);
  if (by !== "service" && !groups) return null;
  const held = await durationsHold(db, window.from, moveWindow);
  const seats = held
    ? await durationTallies(db, window, by, groups)
    : await seatTallies(db, window, by, groups);
  const tenants = await tenantTallies(db, window, by, groups);
  const cohort = await rowsOf<{ n: number }>(
    db,
    sql`select coalesce(sum(tenants), 0)::int as n from blocked_dwell_tenant_counts
        where level = 'cohort' and last_day >= ${window.from}::date and last_day <= ${window.to}::date`,
  );
  const cohortTenants: DwellTallyRow = {
    ...{ key: null, l2: null, l3: null, serviceId: null, kind: "cohortTenants" },
    ...{ days: null, ended: null, seats: cohort[0]?.n ?? 0 },
  };
  return [...seats, ...tenants, cohortTenants];
}

/** Whether the dwell durations hold the window starting on `from`, moving theirs there when asked. */
async function durationsHold(db: Db, from: string, move: boolean): Promise<boolean> {
  const [held] = await rowsOf<{ from: string | null }>(
    db,
    sql`select (select from_day::text from blocked_dwell_window limit 1) as "from"`,
  );
  if (held?.from === from) return true;
  if (!move) return false;
  try {
    // False when a writer holds the lock: this read sums the pairs, a later one moves the window.
    const [moved] = await rowsOf<{ ok: boolean }>(
      db,
      sql`select unblock_move_dwell_window(${from}::date) as ok`,
    );
    return moved?.ok === true;
  } catch {
    return false;
  }
}

/** Where the seats of a level are read, and their groups of today (written ones through the map). */
function levelSource(table: SQL, by: Grouping, groups: GroupMap | null): { source: SQL; columns: SQL } {
  const keys = groups?.keys;
  const source = keys
    ? sql`${table} join json_to_recordset(${JSON.stringify(keys)}::json)
          as m(v text, w2 text, w3 text, l2 text, l3 text)
          on m.v = coalesce(d.version, '') and m.w2 = coalesce(d.l2, '') and m.w3 = coalesce(d.l3, '')`
    : table;
  const l2 = keys ? sql`m.l2` : sql`d.l2`;
  const l3 = keys ? sql`m.l3` : sql`d.l3`;
  const columns: SQL =
    by === "service"
      ? sql`d.service_id as key, null::text as l2, null::text as l3, d.service_id as "serviceId"`
      : by === "l3"
        ? sql`coalesce(${l2}, '') || '/' || coalesce(${l3}, '') as key, ${l2} as l2, ${l3} as l3, null::text as "serviceId"`
        : sql`${l2} as key, ${l2} as l2, null::text as l3, null::text as "serviceId"`;
  return { source, columns };
}

/**
 * The seat tallies from the dwell durations of the window they hold: a few
 * thousand rows per level. Written L2s read as today's without a map read the
 * L2 level; a map reads the L3 level's written groups through it.
 */
function durationTallies(
  db: Db,
  window: { from: string; to: string },
  by: Grouping,
  groups: GroupMap | null,
): Promise<DwellTallyRow[]> {
  const to = sql`${window.to}::date`;
  const level = by === "service" ? "service" : groups?.keys ? "l3" : by;
  const { source, columns } = levelSource(sql`blocked_dwell_durations d`, by, groups);
  return analyticRows(
    db,
    sql`select key, l2, l3, "serviceId", kind, days, ended, sum(seats)::int as seats from (
          select ${columns}, t.kind, t.days, t.ended, d.seats from ${source}
          cross join lateral (
            select 'open' as kind, ${to} - d.since as days, null::boolean as ended where d.kind = 'open'
            union all select 'cohort', ${to} - d.since, false
              where d.kind = 'open' and d.since >= ${window.from}::date and d.since <= ${to}
            union all select 'unblocked', d.days, null where d.kind = 'ended'
            union all select 'cohort', d.days, true where d.kind = 'cohort'
          ) t
          where d.level = ${level}
        ) s group by key, l2, l3, "serviceId", kind, days, ended having sum(seats) <> 0`,
  );
}

/** Seats by duration still Blocked, unblocked within the window and started within it, per group of today. */
function seatTallies(
  db: Db,
  window: { from: string; to: string },
  by: Grouping,
  groups: GroupMap | null,
): Promise<DwellTallyRow[]> {
  const to = sql`${window.to}::date`;
  const from = sql`${window.from}::date`;
  const table = groups ? sql`blocked_dwell_seats d` : sql`blocked_dwell_service_seats d`;
  const { source, columns } = levelSource(table, by, groups);
  const group = sql`key, l2, l3, "serviceId"`;
  return analyticRows(
    db,
    sql`with s as materialized (
          select ${columns}, d.since, d.ended_on, sum(d.seats)::int as seats from ${source}
          where d.ended_on is null or d.ended_on >= ${from}
          group by 1, 2, 3, 4, d.since, d.ended_on having sum(d.seats) <> 0
        )
        select ${group}, 'open' as kind, ${to} - since as days, null::boolean as ended, sum(seats)::int as seats
          from s where ended_on is null group by ${group}, 6
        union all
        select ${group}, 'unblocked', ended_on - since, null, sum(seats)::int
          from s where ended_on >= ${from} and ended_on <= ${to} group by ${group}, 6
        union all
        select ${group}, 'cohort', coalesce(ended_on, ${to}) - since, ended_on is not null, sum(seats)::int
          from s where since >= ${from} and since <= ${to} group by ${group}, 6, 7`,
  );
}

/** Distinct tenants per group of today with a piece that touches the window. */
async function tenantTallies(
  db: Db,
  window: { from: string; to: string },
  by: Grouping,
  groups: GroupMap | null,
): Promise<DwellTallyRow[]> {
  const counted = await rowsOf<{ l2: string | null; l3: string | null; serviceId: string | null; n: number }>(
    db,
    sql`select l2, l3, service_id as "serviceId", sum(tenants)::int as n from blocked_dwell_tenant_counts
        where level = ${by} and last_day >= ${window.from}::date group by 1, 2, 3 having sum(tenants) > 0`,
  );
  const totals = new Map<string, number>();
  for (const row of counted) {
    const written = by === "service" ? row.serviceId! : groupKey(by, row.l2, row.l3);
    const key = groups?.simple ? groups.simple.get(written) : written;
    if (key !== undefined) totals.set(key, (totals.get(key) ?? 0) + row.n);
  }
  if (groups && groups.merged.length > 0) {
    const merged = await rowsOf<{ c: string; n: number }>(
      db,
      sql`select p.c, count(distinct d.tenant_id)::int as n
          from json_to_recordset(${JSON.stringify(groups.merged)}::json) as p(l2 text, l3 text, c text)
          join blocked_dwell_tenant_days d on d.level = 'l3' and d.l2 = p.l2 and d.l3 is not distinct from p.l3
          where d.last_day >= ${window.from}::date group by p.c`,
    );
    for (const row of merged) totals.set(row.c, row.n);
  }
  return [...totals].map(([key, n]): DwellTallyRow => {
    const [l2, l3] = by === "l3" ? splitPair(key) : [key, null];
    return {
      key: by === "service" ? key : by === "l2" && key === "" ? null : key,
      l2: by === "service" || l2 === "" ? null : l2,
      l3: by === "l3" && l3 !== "" ? l3 : null,
      serviceId: by === "service" ? key : null,
      kind: "tenants",
      days: null,
      ended: null,
      seats: n,
    };
  });
}

/** "l2/l3" back to its parts (an L2 id has no slash). */
function splitPair(key: string): [string, string] {
  const at = key.indexOf("/");
  return [key.slice(0, at), key.slice(at + 1)];
}
