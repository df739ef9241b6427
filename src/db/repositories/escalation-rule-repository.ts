import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { textArray } from "./escalation-repository.ts";

/**
 * The entitlements a playbook rule should escalate now and has not yet
 * (docs/ESCALATIONS.md). A Blocked spell starts when the entitlement's
 * earliest Blocked seats entered Blocked (the segments' l1_since, which edits
 * that keep the L1 keep): the rules escalate once per spell.
 */
export interface RuleCandidate {
  entitlementId: string;
  spellStart: string;
  l2: string;
  /** target_slipped: the spell's first target date and today's; blocked_too_long: null. */
  firstTarget: string | null;
  targetNow: string | null;
}

interface RuleQuery {
  /** The Blocked L1's id and its L2s the playbook knows (others have no group to go to). */
  l1: string;
  l2s: readonly string[];
  days: number;
  now: Date;
  limit: number;
}

/** The current Blocked spell of each entitlement still running (not ended), with the L2 it escalates to. */
const spells = (query: RuleQuery) => sql`spells as (
    select g.entitlement_id, min(g.l1_since) as spell_start, min(g.target_date) as target_now,
      (array_agg(g.l2 order by g.l1_since, g.position) filter (where g.l2 = any(${textArray(query.l2s)}::text[])))[1] as l2
    from status_segments g join entitlements e on e.id = g.entitlement_id and e.ended_at is null
    where g.l1 = ${query.l1}
    group by g.entitlement_id
  )`;

/** The spell's start to the microsecond, so it names the same spell when stored back. */
const spellText = sql.raw(`to_char(b.spell_start at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

const notRaised = (rule: string) =>
  sql`not exists (select 1 from escalations x where x.entitlement_id = b.entitlement_id
        and x.rule = ${rule} and x.spell_start = b.spell_start)`;

/** Blocked without a break for more than `days` days. */
export async function blockedTooLongCandidates(db: Db, query: RuleQuery): Promise<RuleCandidate[]> {
  const before = new Date(query.now.getTime() - query.days * 86_400_000).toISOString();
  return rowsOf<RuleCandidate>(
    db,
    sql`with ${spells(query)}
        select b.entitlement_id::text as "entitlementId", ${spellText} as "spellStart", b.l2,
          null as "firstTarget", null as "targetNow"
        from spells b
       where b.spell_start < ${before}::timestamptz and b.l2 is not null and ${notRaised("blocked_too_long")}
       order by b.spell_start, b.entitlement_id
       limit ${query.limit}`,
  );
}

/**
 * Blocked with a target date `days` or more past the first target date of the
 * spell, as the history recorded it: the earliest Blocked target of the first
 * change in the spell that gave one.
 */
export async function targetSlippedCandidates(db: Db, query: RuleQuery): Promise<RuleCandidate[]> {
  return rowsOf<RuleCandidate>(
    db,
    sql`with ${spells(query)}
        select b.entitlement_id::text as "entitlementId", ${spellText} as "spellStart", b.l2,
          first.target::text as "firstTarget", b.target_now::text as "targetNow"
        from spells b
        join lateral (
          select t.target from status_history h
          cross join lateral (
            select min((seg->>'targetDate')::date) as target from jsonb_array_elements(h.after->'segments') seg
             where seg->>'l1' = ${query.l1}
          ) t
          where h.entitlement_id = b.entitlement_id and h.at >= b.spell_start and t.target is not null
          order by h.at, h.id limit 1
        ) first on true
       where b.l2 is not null and b.target_now >= first.target + ${query.days}::int
         and ${notRaised("target_slipped")}
       order by b.spell_start, b.entitlement_id
       limit ${query.limit}`,
  );
}
