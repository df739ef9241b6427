import { type SQL, sql } from "drizzle-orm";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { tenantScopeCondition } from "../sql/tenant-scope-sql.ts";
import { textArray } from "./escalation-repository.ts";

/** The escalation report's figures (docs/ESCALATIONS.md), over the escalations a reader may total. */

export interface OpenEscalationCell {
  group: string;
  l1: string;
  l2: string;
  open: number;
  acknowledged: number;
  overdue: number;
  tenants: number;
}

export interface EscalationFigures {
  open: OpenEscalationCell[];
  states: { open: number; acknowledged: number; resolved: number; declined: number };
  timeToAcknowledge: { medianHours: number | null; count: number };
  timeToResolve: { medianHours: number | null; count: number };
}

const from = sql`from escalations x join entitlements e on e.id = x.entitlement_id join tenants t on t.id = e.tenant_id`;

export async function escalationFigures(
  db: Db,
  input: { scope: TenantScope; memberOf: readonly string[]; today: string; group?: string | undefined },
): Promise<EscalationFigures> {
  const where = figureConditions(input);
  const [open, states, [times]] = await Promise.all([
    rowsOf<OpenEscalationCell>(
      db,
      sql`select x.group_name as "group", x.l1, x.l2,
            (count(*) filter (where x.state = 'open'))::int as open,
            (count(*) filter (where x.state = 'acknowledged'))::int as acknowledged,
            (count(*) filter (where x.due_on < ${input.today}::date))::int as overdue,
            count(distinct e.tenant_id)::int as tenants
          ${from} where ${where} and x.state in ('open', 'acknowledged')
          group by x.group_name, x.l1, x.l2 order by x.group_name, x.l1, x.l2`,
    ),
    rowsOf<{ state: string; count: number }>(
      db,
      sql`select x.state, count(*)::int as count ${from} where ${where} group by x.state`,
    ),
    // The first answer counts as the acknowledgement when a resolution or decline came without one.
    rowsOf<{
      ackMedian: number | null;
      ackCount: number;
      resolveMedian: number | null;
      resolveCount: number;
    }>(
      db,
      sql`select
            (percentile_cont(0.5) within group (order by extract(epoch from coalesce(x.acknowledged_at, x.closed_at) - x.opened_at)))::float8 / 3600 as "ackMedian",
            count(coalesce(x.acknowledged_at, x.closed_at))::int as "ackCount",
            (percentile_cont(0.5) within group (order by extract(epoch from x.closed_at - x.opened_at))
              filter (where x.state = 'resolved'))::float8 / 3600 as "resolveMedian",
            (count(*) filter (where x.state = 'resolved'))::int as "resolveCount"
          ${from} where ${where}`,
    ),
  ]);
  const byState = Object.fromEntries(states.map((row) => [row.state, row.count]));
  return {
    open,
    states: {
      open: byState.open ?? 0,
      acknowledged: byState.acknowledged ?? 0,
      resolved: byState.resolved ?? 0,
      declined: byState.declined ?? 0,
    },
    timeToAcknowledge: { medianHours: hours(times?.ackMedian), count: times?.ackCount ?? 0 },
    timeToResolve: { medianHours: hours(times?.resolveMedian), count: times?.resolveCount ?? 0 },
  };
}

function hours(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10;
}

function figureConditions(input: {
  scope: TenantScope;
  memberOf: readonly string[];
  group?: string | undefined;
}): SQL {
  const conditions: SQL[] = [];
  const inScope = tenantScopeCondition(input.scope, { id: sql`t.id`, customerId: sql`t.customer_id` });
  if (inScope) conditions.push(sql`(${inScope} or x.group_name = any(${textArray(input.memberOf)}::text[]))`);
  if (input.group !== undefined) conditions.push(sql`x.group_name = ${input.group}`);
  return conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`true`;
}
