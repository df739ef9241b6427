import { type SQL, sql } from "drizzle-orm";
import type { TaxonomyMapRow } from "../../domain/playbook/taxonomy-map.ts";
import { taxonomyMapSql } from "./taxonomy-map-sql.ts";

/**
 * The portfolio as it stood at an instant, rebuilt from status_history: each
 * entitlement's status is the `after` of its last history row written before
 * the instant. History is append-only and every status write (the editor,
 * bulk, import, a feed's seat change, the seed) appends one row with the
 * whole before and after, so this is exact for what was recorded. An
 * entitlement with no row before the instant had no recorded status then and
 * is left out. Names (customer, tenant) and who may see what are today's.
 *
 * `at` is an ISO timestamp: the as-of day's end is the next day's 00:00 UTC.
 */

/**
 * The last history row of entitlement `e` before `at`, joined as `h` (id, at,
 * version_after, after). One index probe per entitlement on
 * status_history (entitlement_id, at): the right shape for a scope of a few
 * thousand entitlements (a user's tenants, one customer, a list page).
 */
export function latestHistoryBefore(at: string): SQL {
  return sql`join lateral (select lh.id, lh.at, lh.version_after, lh.after from status_history lh
      where lh.entitlement_id = e.id and lh.at < ${at}::timestamptz
      order by lh.at desc, lh.id desc limit 1) h on true`;
}

/**
 * The same rows for the whole portfolio, read in one pass over the history
 * before `at` (DISTINCT ON in index order) and hash-joined to `e`: about twice
 * as fast as a probe per entitlement once the scope is every tenant
 * (docs/HISTORY.md has the figures).
 */
export function latestHistoryBeforeAll(at: string): SQL {
  return sql`join (select distinct on (lh.entitlement_id) lh.entitlement_id, lh.id, lh.at, lh.version_after, lh.after
      from status_history lh where lh.at < ${at}::timestamptz
      order by lh.entitlement_id, lh.at desc, lh.id desc) h on h.entitlement_id = e.id`;
}

/**
 * The segment `g.seg` (with ordinality `g.ord`) of a snapshot under
 * status_segments' column names; its L2 and L3 as written unless given.
 */
const snapshotColumnsWith = (
  l2: SQL,
  l3: SQL,
) => sql`(g.ord - 1)::int as position, (g.seg->>'seats')::int as seats,
      g.seg->>'l1' as l1, ${l2} as l2, ${l3} as l3, (g.seg->>'targetDate')::date as target_date,
      g.seg->>'owner' as owner, g.seg->'ownerRef'->>'userId' as owner_user_id,
      g.seg->'ownerRef'->>'role' as owner_team, (g.seg->>'nextActionDate')::date as next_action_date,
      g.seg->>'nextAction' as next_action, (g.seg->>'l1Since')::timestamptz as l1_since,
      coalesce(g.seg->>'note', '') as note`;

const snapshotColumns = snapshotColumnsWith(sql`g.seg->>'l2'`, sql`g.seg->>'l3'`);

/**
 * The segments of snapshot `h` as rows `s` under status_segments' column
 * names, so a report written for the current segments reads the past ones
 * unchanged.
 */
export const snapshotSegments = sql`cross join lateral (
    select ${snapshotColumns}
    from jsonb_array_elements(h.after->'segments') with ordinality g(seg, ord)) s`;

/**
 * Every segment as it stood at `at`, as a relation `s` with status_segments'
 * columns and `entitlement_id`. An entitlement with no history row since `at`
 * still has the status it had then, so its current segments answer (plain
 * rows, indexed); only entitlements written since are rebuilt from their last
 * row before `at`. The cost follows the changes made since the day, not the
 * size of the history: a month back reads a month's changes. With a taxonomy
 * map (docs/PLAYBOOK-VERSIONS.md) the rebuilt segments read in today's L2s
 * and L3s, so a status remapped since counts under its new L2 back then too.
 * `within` (a query of entitlement ids) narrows the rebuild to a scope.
 */
export function segmentsAsOf(
  at: string,
  taxonomyMap: readonly TaxonomyMapRow[] = [],
  within: SQL | null = null,
): SQL {
  // A scope (a person's tenants, one customer or service) narrows both halves before any JSON is read.
  const inScope = (column: SQL) => (within ? sql`and ${column} in (${within})` : sql``);
  const current = taxonomyMapSql(taxonomyMap, {
    version: sql`h.playbook_version`,
    l1: sql`(g.seg->>'l1')`,
    l2: sql`(g.seg->>'l2')`,
    l3: sql`(g.seg->>'l3')`,
    serviceId: sql`(select se.service_id from entitlements se where se.id = changed.entitlement_id)`,
  });
  const mapped = taxonomyMap.length > 0;
  return sql`(${mapped ? sql`with ${current.cte} ` : sql``}select cs.entitlement_id, cs.position, cs.seats, cs.l1, cs.l2, cs.l3, cs.target_date, cs.owner,
        cs.owner_user_id::text as owner_user_id, cs.owner_team, cs.next_action_date, cs.next_action, cs.l1_since,
        cs.note
      from status_segments cs
      where not exists (select 1 from status_history since
        where since.entitlement_id = cs.entitlement_id and since.at >= ${at}::timestamptz)
        ${inScope(sql`cs.entitlement_id`)}
    union all
    select changed.entitlement_id, ${mapped ? snapshotColumnsWith(current.l2, current.l3) : snapshotColumns}
      from (select distinct ch.entitlement_id from status_history ch where ch.at >= ${at}::timestamptz
        ${inScope(sql`ch.entitlement_id`)}) changed
      cross join lateral (select lh.after, lh.playbook_version from status_history lh
        where lh.entitlement_id = changed.entitlement_id and lh.at < ${at}::timestamptz
        order by lh.at desc, lh.id desc limit 1) h
      cross join lateral jsonb_array_elements(h.after->'segments') with ordinality g(seg, ord)
      ${mapped ? current.join : sql``}) s`;
}

/** Entitlement `e` was open at `at`: a full feed had not ended it yet. */
export function openAt(at: string): SQL {
  return sql`(e.ended_at is null or e.ended_at >= ${at}::timestamptz)`;
}
