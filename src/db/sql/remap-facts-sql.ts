import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";

/**
 * The history facts of a playbook remap's rows (docs/HISTORY.md, "Cost"),
 * recorded by the remap itself in its batch's transaction, which set
 * `unblock.history_facts = 'caller'` so the status_history_facts trigger
 * (migration 0031) passes them on. The trigger's function rebuilds every
 * written entitlement's spell pieces from its whole history; a remap row only
 * renames the L2/L3 of the row before it, so for most entitlements what
 * changes is known from the two rows alone:
 *
 * - day cells and holders: the new row's Blocked cells in, the row before's
 *   out, on the remap's day (what the trigger's function adds for a last row);
 * - spell pieces: the open spells (the new row's, the same as the row
 *   before's) take the new row's L2/L3 and version, which is what the pieces
 *   carry (each spell's last observation), seats and days unchanged;
 * - dwell tallies: the open entitlements' pieces leave before the move and
 *   enter after it, through the trigger function's own unblock_dwell_seats_delta.
 *
 * An entitlement for which that is not certain goes through the trigger's own
 * function (`unblock_record_history_facts`): a row after the remap's, no row
 * before it, spells or seats that differ between the two rows, two open spells
 * starting on one day, an ended piece starting on an open spell's day (a
 * partial unblock, or a spell closed that day: the pieces keep the day, not
 * the moment), or pieces not as the row before says. Exactness is held to a
 * full rebuild by remap-derived-tables.test.ts.
 */
export async function recordRemapFacts(db: Db, historyIds: readonly string[]): Promise<void> {
  if (historyIds.length === 0) return;
  const ids = `{${historyIds.join(",")}}`;
  const [left] = await rowsOf<{
    moves: unknown[] | null;
    open: string[] | null;
    entitlements: string[] | null;
    rows: string[] | null;
  }>(
    db,
    sql`with r as materialized (
          select h.id, h.entitlement_id, h.at, h.playbook_version as version, h.after, e.service_id, e.tenant_id,
                 e.ended_at is null as open
            from status_history h
            join entitlements e on e.id = h.entitlement_id
           -- = any, not a join to unnest: the planner then merge-joined the ids with the whole primary key,
           -- read from the first row ever written (2.5 million rows at 100,000 tenants).
           where h.id = any(${ids}::bigint[])
             and (select f.stale from history_fact_state f where f.name = 'facts') is not true
             -- Outside a transaction the SET LOCAL did nothing and the trigger recorded them.
             and current_setting('unblock.history_facts', true) = 'caller'
        ), prev as materialized (
          select r.*, p.after as prev_after, p.version as prev_version,
                 exists (select 1 from status_history l
                          where l.entitlement_id = r.entitlement_id and (l.at, l.id) > (r.at, r.id)) as later
            from r left join lateral (
              select h.after, h.playbook_version as version from status_history h
               where h.entitlement_id = r.entitlement_id and (h.at, h.id) < (r.at, r.id)
               order by h.at desc, h.id desc limit 1) p on true
        ), obs as materialized (
          -- Each Blocked spell's observation in the new row (side 1) and the row before (side 0), as the
          -- trigger's function observes them: seats summed, the L2/L3 of the most seats.
          select x.id, x.side, g->>'l1Since' as since, unblock_snapshot_day((g->>'l1Since')::timestamptz) as day,
                 sum((g->>'seats')::int) as seats,
                 (array_agg(g->>'l2' order by (g->>'seats')::int desc, g->>'l2', g->>'l3'))[1] as l2,
                 (array_agg(g->>'l3' order by (g->>'seats')::int desc, g->>'l2', g->>'l3'))[1] as l3
            from (select id, 1 as side, after as snapshot from prev
                  union all select id, 0, prev_after from prev where prev_after is not null) x
            cross join lateral jsonb_array_elements(x.snapshot->'segments') g
           where g->>'l1' = 'blocked'
           group by 1, 2, 3
        ), shape as (
          select id, side, array_agg(since || '=' || seats order by since) as spells,
                 count(distinct day) = count(*) as one_per_day
            from obs group by 1, 2
        ), pieces as (
          -- Each spell of the row before has one piece starting on its day, the open one, as that row left it;
          -- anything else on that day (a partial unblock, a spell closed that day) is not certain.
          select b.id,
                 bool_and(coalesce(bp.ended_on is null and bp.seats = b.seats
                   and (bp.l2, bp.l3, bp.version) is not distinct from (b.l2, b.l3, p.prev_version), false)) as as_left,
                 count(*) = count(distinct b.since) as one_each
            from obs b
            join prev p on p.id = b.id
            left join blocked_spell_pieces bp on bp.entitlement_id = p.entitlement_id and bp.since = b.day
           where b.side = 0
           group by b.id
        ), fast as materialized (
          select p.* from prev p
            left join shape n on n.id = p.id and n.side = 1
            left join shape o on o.id = p.id and o.side = 0
            left join pieces c on c.id = p.id
           where not p.later and p.prev_after is not null
             and coalesce(n.spells, '{}') = coalesce(o.spells, '{}') and coalesce(n.one_per_day, true)
             and coalesce(c.as_left and c.one_each, true)
        ), terms as materialized (
          -- Only rows holding Blocked seats have cells (an L2 of another L1 moves none).
          select 1 as sign, at, service_id, version, after as snapshot from fast
           where id in (select id from shape)
          union all select -1, at, service_id, prev_version, prev_after from fast
           where id in (select id from shape)
        ), cells as (
          insert into blocked_day_cells (day, service_id, version, l2, l3, seats, segments)
          select unblock_snapshot_day(t.at), t.service_id, t.version, g->>'l2', g->>'l3',
                 sum(t.sign * (g->>'seats')::int), sum(t.sign)
            from terms t cross join lateral jsonb_array_elements(t.snapshot->'segments') g
           where g->>'l1' = 'blocked'
           group by 1, 2, 3, 4, 5
          having sum(t.sign * (g->>'seats')::int) <> 0 or sum(t.sign) <> 0
        ), holders as (
          insert into blocked_day_holders (day, service_id, version, pairs, holders)
          select unblock_snapshot_day(t.at), t.service_id, t.version, p.pairs, sum(t.sign)
            from terms t cross join lateral (select unblock_blocked_pairs(t.snapshot) as pairs) p
           where p.pairs is not null
           group by 1, 2, 3, 4
          having sum(t.sign) <> 0
        ), moves as materialized (
          select f.entitlement_id, f.open, n.day, n.l2, n.l3, f.version
            from fast f join obs n on n.id = f.id and n.side = 1
        ), months as (
          -- As the trigger: a row dated before the last month checkpoint makes them stale.
          update history_fact_state set stale = true
           where name = 'months'
             and (select unblock_snapshot_day(min(at)) from r) < (select max(month) from blocked_month_cells)
        ), slow as materialized (
          select r.entitlement_id, r.id from r left join fast f on f.id = r.id where f.id is null
        )
        select (select json_agg(json_build_object('e', entitlement_id, 'day', day, 'l2', l2, 'l3', l3, 'v', version))
                  from moves) as "moves",
               (select array_agg(distinct entitlement_id::text) from moves where open) as "open",
               (select array_agg(entitlement_id::text) from slow) as "entitlements",
               (select array_agg(id::text) from slow) as "rows"`,
  );
  if (left?.moves) await movePieces(db, left.moves, left.open ?? []);
  if (left?.rows) {
    await db.execute(
      sql`select unblock_record_history_facts(${`{${left.entitlements!.join(",")}}`}::uuid[], ${`{${left.rows.join(",")}}`}::bigint[])`,
    );
  }
}

/**
 * The open spells' pieces take their new L2/L3 and version; the dwell tallies
 * of the open entitlements among them lose the old pieces and gain the new,
 * through the function the trigger's uses (so whatever it keeps, it keeps here).
 */
async function movePieces(db: Db, moves: unknown[], open: string[]): Promise<void> {
  const openIds = `{${open.join(",")}}`;
  if (open.length > 0) await db.execute(sql`select unblock_dwell_seats_delta(${openIds}::uuid[], -1)`);
  await db.execute(
    sql`update blocked_spell_pieces bp set l2 = m.l2, l3 = m.l3, version = m.v
          from json_to_recordset(${JSON.stringify(moves)}::json) as m(e uuid, day date, l2 text, l3 text, v text)
         where bp.entitlement_id = m.e and bp.since = m.day and bp.ended_on is null`,
  );
  if (open.length > 0) await db.execute(sql`select unblock_dwell_seats_delta(${openIds}::uuid[], 1)`);
}
