import { type SQL, sql } from "drizzle-orm";
import type { UsageRules } from "../../domain/playbook/usage-rules-schema.ts";
import type { QualityRules } from "../../domain/quality/quality-rules-schema.ts";
import { daysBefore } from "../../domain/usage/assess-usage.ts";
import { contradictionFilter, newestUsageJoin } from "./entitlement-usage-sql.ts";

/**
 * The data-quality rules in SQL over a set `scoped` of entitlements (columns
 * id, version, tenant_id, customer_id, service_id, available_seats,
 * updated_at, resplit_needed), as qualityFindings (domain/quality) applies
 * them to one; a test holds the two together. The rows are (entitlement_id,
 * position, rule, date, data) with the segment's columns (l1, l2, seats,
 * owner_user_id, owner_team, owner) and the entitlement's (version,
 * tenant_id, customer_id, service_id, assigned: `scoped` must have them). The segment rules are one pass over the
 * segments; the note rules come from the judgments kept in
 * quality_note_checks for the entitlement's current version.
 */

export interface QualitySqlRules {
  rules: QualityRules;
  usage: UsageRules | undefined;
  /** YYYY-MM-DD in UTC. */
  today: string;
  /** The judgments that count: those made on this basis (judge-notes' version, model, playbook). */
  basis: string;
}

const list = (values: readonly string[]) =>
  sql`(${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`;

const segmentColumns = sql`s.l1, s.l2, s.seats, s.owner_user_id, s.owner_team, s.owner`;

/** What every row carries of its entitlement (`scoped` aliased `alias`), so nothing joins it again. */
const scopedColumns = (alias: string) => {
  const a = sql.raw(alias);
  return sql`${a}.version, ${a}.tenant_id, ${a}.customer_id, ${a}.service_id, ${a}.assigned`;
};

interface SegmentRule {
  rule: string;
  /** Over `s` (a segment), `sc` (its entitlement) and the team joins. */
  hit: SQL;
  /** Over the inner row `x`. */
  date: SQL;
}

function segmentRuleList(q: QualitySqlRules): SegmentRule[] {
  const { rules } = q;
  const found: SegmentRule[] = [];
  if (rules.nextActionPassed.enabled) {
    const before = daysBefore(q.today, rules.nextActionPassed.graceDays);
    found.push({
      rule: "next_action_passed",
      hit: sql`s.next_action_date < ${before}::date`,
      date: sql`x.next_action_date`,
    });
  }
  if (rules.blockedTargetPassed.enabled) {
    const before = daysBefore(q.today, rules.blockedTargetPassed.graceDays);
    found.push({
      rule: "blocked_target_passed",
      hit: sql`(s.l1 in ${list(rules.blockedTargetPassed.l1s)} and s.target_date < ${before}::date)`,
      date: sql`x.target_date`,
    });
  }
  if (rules.unknownUnchanged.enabled) {
    const since = daysBefore(q.today, rules.unknownUnchanged.days);
    found.push({
      rule: "unknown_unchanged",
      hit: sql`(s.l1 in ${list(rules.unknownUnchanged.l1s)} and ${updatedOn} <= ${since}::date)`,
      date: sql`x.updated_on`,
    });
  }
  if (rules.ownerUnresolved.enabled) {
    found.push({
      rule: "owner_unresolved",
      hit: sql`(s.owner_user_id is null and s.owner_team is null and btrim(coalesce(s.owner, '')) <> '')`,
      date: sql`null::date`,
    });
    // A team is the customer's people with the role: nobody of it here resolves to no person.
    found.push({
      rule: "owner_unresolved",
      hit: sql`(s.owner_team is not null and tr.role is null and cr.role is null)`,
      date: sql`null::date`,
    });
  }
  return found;
}

const updatedOn = sql`(sc.updated_at at time zone 'UTC')::date`;

/**
 * One pass over the scope's segments: the segments some rule hits, each with
 * a column per rule, then a row per rule hit. A segment no rule hits costs
 * its join and nothing more; the owner text goes into `data` only for an
 * unresolved text owner.
 */
function segmentRules(q: QualitySqlRules): SQL | null {
  const ruleList = segmentRuleList(q);
  if (ruleList.length === 0) return null;
  // The roles present on each tenant and customer, once: a team segment looks its own up by hash.
  const teams = q.rules.ownerUnresolved.enabled
    ? sql`left join (select distinct ta.tenant_id, tu.role from assignments ta join users tu on tu.id = ta.user_id
          where ta.tenant_id is not null) tr on tr.tenant_id = sc.tenant_id and tr.role = s.owner_team
        left join (select distinct ta.customer_id, tu.role from assignments ta join users tu on tu.id = ta.user_id
          where ta.customer_id is not null) cr on cr.customer_id = sc.customer_id and cr.role = s.owner_team`
    : sql``;
  const hits = sql.join(
    ruleList.map((rule, n) => sql`${rule.hit} as ${sql.raw(`h${n}`)}`),
    sql`, `,
  );
  const values = sql.join(
    ruleList.map((rule, n) => sql`(${rule.rule}::text, ${sql.raw(`x.h${n}`)}, ${rule.date})`),
    sql`, `,
  );
  return sql`select x.entitlement_id, x.position, r.rule, r.date,
      case when r.rule = 'owner_unresolved' and x.owner_team is null then jsonb_build_object('owner', x.owner) end
        as data,
      x.l1, x.l2, x.seats, x.owner_user_id, x.owner_team, x.owner, ${scopedColumns("x")}
    from (select s.entitlement_id, s.position, ${segmentColumns}, s.next_action_date, s.target_date,
        ${updatedOn} as updated_on, ${scopedColumns("sc")}, ${hits}
      from scoped sc join status_segments s on s.entitlement_id = sc.id ${teams}
      where ${sql.join(
        ruleList.map((rule) => rule.hit),
        sql` or `,
      )}) x
    cross join lateral (values ${values}) r(rule, hit, date)
    where r.hit`;
}

/** Rows about a whole status or kept judgments, with the columns of the segment they go to. */
const atSegment = (
  from: SQL,
) => sql`select f.entitlement_id, f.position, f.rule, f.date, f.data, ${segmentColumns},
    ${scopedColumns("f")}
  from (${from}) f left join status_segments s on s.entitlement_id = f.entitlement_id and s.position = f.position`;

function entitlementRules(q: QualitySqlRules): SQL[] {
  const { rules } = q;
  const parts: SQL[] = [];
  if (rules.resplitNeeded.enabled) {
    parts.push(sql`select sc.id as entitlement_id, rs.first as position, 'resplit_needed'::text as rule,
        null::date as date, jsonb_build_object('availableSeats', sc.available_seats, 'segmentSeats', rs.seats) as data,
        ${scopedColumns("sc")}
      from scoped sc cross join lateral (select min(x.position) as first, coalesce(sum(x.seats), 0)::int as seats
        from status_segments x where x.entitlement_id = sc.id) rs
      where sc.resplit_needed`);
  }
  const usage = q.usage;
  if (rules.usageContradicts.enabled && usage) {
    const l1sOf = {
      active_while_halted: usage.contradictions.activeWhileHalted.l1s,
      idle_in_progress: usage.contradictions.idleInProgress.l1s,
      growing_while_unknown: usage.contradictions.growingWhileUnknown.l1s,
    };
    // One newest-point lookup per entitlement, then every wanted kind against it.
    const kinds = rules.usageContradicts.kinds.map(
      (kind) => sql`(${kind}::text, ${contradictionFilter(kind, usage, q.today)}, (select min(us.position)
        from status_segments us where us.entitlement_id = e.id and us.l1 in ${list(l1sOf[kind])}))`,
    );
    parts.push(sql`select e.id as entitlement_id, k.position, 'usage_contradicts'::text as rule,
        null::date as date, jsonb_build_object('kind', k.kind) as data, ${scopedColumns("e")}
      from scoped e ${newestUsageJoin}
      cross join lateral (values ${sql.join(kinds, sql`, `)}) k(kind, hit, position)
      where u.date is not null and k.hit`);
  }
  if (rules.noteGrade.enabled || rules.suggestDisagrees.enabled) {
    parts.push(sql`select sc.id as entitlement_id, (f->>'position')::int as position, f->>'rule' as rule,
        null::date as date, f->'data' as data, ${scopedColumns("sc")}
      from scoped sc join quality_note_checks nc on nc.entitlement_id = sc.id
        and nc.version = sc.version and nc.basis = ${q.basis} and nc.findings <> '[]'::jsonb
      cross join lateral jsonb_array_elements(nc.findings) f`);
  }
  return parts.map(atSegment);
}

/** Every finding of the rules the playbook switches on, over `scoped`; an empty set when none is on. */
export function qualityFindingsSql(q: QualitySqlRules): SQL {
  const segments = segmentRules(q);
  const parts = [...(segments ? [segments] : []), ...entitlementRules(q)];
  if (parts.length === 0) {
    return sql`select null::uuid as entitlement_id, null::int as position, null::text as rule,
      null::date as date, null::jsonb as data, null::text as l1, null::text as l2, null::int as seats,
      null::uuid as owner_user_id, null::text as owner_team, null::text as owner, null::int as version,
      null::uuid as tenant_id, null::uuid as customer_id, null::text as service_id, null::boolean as assigned
      where false`;
  }
  return sql.join(parts, sql` union all `);
}
