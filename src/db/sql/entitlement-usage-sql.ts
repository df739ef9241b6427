import { type SQL, sql } from "drizzle-orm";
import type { UsageRules } from "../../domain/playbook/usage-rules-schema.ts";
import { type ContradictionKind, contradictionKinds, daysBefore } from "../../domain/usage/assess-usage.ts";

/**
 * The list's usage conditions over an entitlement `e` and its newest usage
 * point `u` (newestUsageJoin): the share of available seats and the
 * playbook's contradiction rules, as assessUsage (domain/usage) applies them
 * to one entitlement. A test holds the two together. Each reads the
 * usage_points primary key (tenant, service, date) for the rows the other
 * filters leave.
 */

/** `u`: the newest usage point of e's tenant and service (null columns without one). */
export const newestUsageJoin = sql`left join lateral (select p.active_seats, p.date from usage_points p
    where p.tenant_id = e.tenant_id and p.service_id = e.service_id order by p.date desc limit 1) u on true`;

/** Active seats in percent of the available seats; null without a point or without available seats. */
export const usageShareExpr = sql`(u.active_seats::numeric * 100 / nullif(e.available_seats, 0))`;

/** The share is at least (`>=`) or at most (`<=`) `percent`. */
export function usageShareCondition(comparison: ">=" | "<=", percent: number): SQL {
  return sql`(e.available_seats > 0 and u.active_seats * 100 ${sql.raw(comparison)} ${percent}::numeric * e.available_seats)`;
}

const l1In = (l1s: readonly string[]) =>
  sql`(${sql.join(
    l1s.map((l1) => sql`${l1}`),
    sql`, `,
  )})`;

const hasSegmentIn = (l1s: readonly string[]) =>
  sql`exists (select 1 from status_segments s where s.entitlement_id = e.id and s.l1 in ${l1In(l1s)})`;

const samePoints = sql`a.tenant_id = e.tenant_id and a.service_id = e.service_id`;

function contradictionCondition(kind: ContradictionKind, rules: UsageRules, today: string): SQL {
  const { activeWhileHalted, idleInProgress, growingWhileUnknown } = rules.contradictions;
  switch (kind) {
    case "active_while_halted": {
      const l1s = activeWhileHalted.l1s;
      const otherSeats = sql`(select coalesce(sum(s.seats), 0) from status_segments s
          where s.entitlement_id = e.id and s.l1 not in ${l1In(l1s)})`;
      return sql`(${hasSegmentIn(l1s)} and ${usageShareCondition(">=", 0)}
        and u.active_seats * 100 > ${rules.phases.operate.abovePercent}::numeric * e.available_seats
        and u.active_seats > ${otherSeats})`;
    }
    case "idle_in_progress": {
      const since = daysBefore(today, idleInProgress.days);
      return sql`(${hasSegmentIn(idleInProgress.l1s)} and u.date > ${since}::date
        and not exists (select 1 from usage_points a where ${samePoints}
          and a.date > ${since}::date and a.active_seats > 0))`;
    }
    case "growing_while_unknown": {
      const n = growingWhileUnknown.points;
      // The newest n points, each against the one before it (lead, in newest-first order).
      return sql`(${hasSegmentIn(growingWhileUnknown.l1s)} and (select count(*) = ${n}
          and count(*) filter (where g.older < g.active_seats) = ${n - 1}
        from (select r.active_seats, lead(r.active_seats) over (order by r.date desc) as older
          from (select a.active_seats, a.date from usage_points a where ${samePoints}
            order by a.date desc limit ${n}) r) g))`;
    }
  }
}

/** Entitlements whose status usage contradicts: one kind, or any of them; none without usage rules. */
export function contradictionFilter(
  wanted: ContradictionKind | "any",
  rules: UsageRules | undefined,
  today: string,
): SQL {
  if (!rules) return sql`false`;
  const kinds = wanted === "any" ? contradictionKinds : [wanted];
  return sql`(${sql.join(
    kinds.map((kind) => contradictionCondition(kind, rules, today)),
    sql` or `,
  )})`;
}
