import { type SQL, sql } from "drizzle-orm";
import type { UsageRules } from "../../domain/playbook/usage-rules-schema.ts";
import type { QualityRules } from "../../domain/quality/quality-rules-schema.ts";
import { daysBefore } from "../../domain/usage/assess-usage.ts";
import { contradictionFilter, newestUsageJoin } from "./entitlement-usage-sql.ts";

/**
 * The data-quality rules in SQL over a set `scoped` of entitlements (columns
 * id, version, tenant_id, customer_id, service_id, available_seats,
 * updated_at, resplit_needed), as qualityFindings (domain/quality) applies
 * them to one; a test holds the two together. Each part yields rows
 * (entitlement_id, position, rule, date, data); the note rules come from the
 * judgments kept in quality_note_checks for the entitlement's current version.
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

const row = (rule: string, position: SQL, date: SQL, data: SQL) =>
  sql`sc.id as entitlement_id, ${position} as position, ${rule}::text as rule, ${date} as date, ${data} as data`;

const noData = sql`null::jsonb`;

function segmentRules(q: QualitySqlRules): SQL[] {
  const { rules } = q;
  const parts: SQL[] = [];
  const from = sql`from scoped sc join status_segments s on s.entitlement_id = sc.id`;
  if (rules.nextActionPassed.enabled) {
    const before = daysBefore(q.today, rules.nextActionPassed.graceDays);
    parts.push(sql`select ${row("next_action_passed", sql`s.position`, sql`s.next_action_date`, noData)}
      ${from} where s.next_action_date < ${before}::date`);
  }
  if (rules.blockedTargetPassed.enabled) {
    const before = daysBefore(q.today, rules.blockedTargetPassed.graceDays);
    parts.push(sql`select ${row("blocked_target_passed", sql`s.position`, sql`s.target_date`, noData)}
      ${from} where s.l1 in ${list(rules.blockedTargetPassed.l1s)} and s.target_date < ${before}::date`);
  }
  if (rules.unknownUnchanged.enabled) {
    const since = daysBefore(q.today, rules.unknownUnchanged.days);
    const updatedOn = sql`(sc.updated_at at time zone 'UTC')::date`;
    parts.push(sql`select ${row("unknown_unchanged", sql`s.position`, updatedOn, noData)}
      ${from} where s.l1 in ${list(rules.unknownUnchanged.l1s)} and ${updatedOn} <= ${since}::date`);
  }
  if (rules.ownerUnresolved.enabled) {
    const text = sql`jsonb_build_object('owner', s.owner)`;
    parts.push(sql`select ${row("owner_unresolved", sql`s.position`, sql`null::date`, text)}
      ${from} where s.owner_user_id is null and s.owner_team is null and btrim(coalesce(s.owner, '')) <> ''`);
    // A team is the customer's people with the role: nobody of it here resolves to no person.
    parts.push(sql`select ${row("owner_unresolved", sql`s.position`, sql`null::date`, noData)}
      ${from} where s.owner_team is not null and not exists (select 1 from assignments qa
        join users qu on qu.id = qa.user_id and qu.role = s.owner_team
        where qa.tenant_id = sc.tenant_id or qa.customer_id = sc.customer_id)`);
  }
  return parts;
}

function entitlementRules(q: QualitySqlRules): SQL[] {
  const { rules } = q;
  const parts: SQL[] = [];
  if (rules.resplitNeeded.enabled) {
    const data = sql`jsonb_build_object('availableSeats', sc.available_seats, 'segmentSeats',
      (select coalesce(sum(rs.seats), 0)::int from status_segments rs where rs.entitlement_id = sc.id))`;
    const first = sql`(select min(rs.position) from status_segments rs where rs.entitlement_id = sc.id)`;
    parts.push(sql`select ${row("resplit_needed", first, sql`null::date`, data)}
      from scoped sc where sc.resplit_needed`);
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
        null::date as date, jsonb_build_object('kind', k.kind) as data
      from scoped e ${newestUsageJoin}
      cross join lateral (values ${sql.join(kinds, sql`, `)}) k(kind, hit, position)
      where u.date is not null and k.hit`);
  }
  if (rules.noteGrade.enabled || rules.suggestDisagrees.enabled) {
    parts.push(sql`select sc.id as entitlement_id, (f->>'position')::int as position, f->>'rule' as rule,
        null::date as date, f->'data' as data
      from scoped sc join quality_note_checks nc on nc.entitlement_id = sc.id
        and nc.version = sc.version and nc.basis = ${q.basis}
      cross join lateral jsonb_array_elements(nc.findings) f`);
  }
  return parts;
}

/** Every finding of the rules the playbook switches on, over `scoped`; an empty set when none is on. */
export function qualityFindingsSql(q: QualitySqlRules): SQL {
  const parts = [...segmentRules(q), ...entitlementRules(q)];
  if (parts.length === 0) {
    return sql`select null::uuid as entitlement_id, null::int as position, null::text as rule,
      null::date as date, null::jsonb as data where false`;
  }
  return sql.join(parts, sql` union all `);
}
