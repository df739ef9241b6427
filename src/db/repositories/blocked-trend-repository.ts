import { sql } from "drizzle-orm";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { BlockedWeek } from "../../http/schemas/reports.ts";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { blockedL1 } from "../sql/entitlement-view.ts";
import { tenantScopeCondition } from "../sql/tenant-scope-sql.ts";
import { readBlockedWeeks } from "./report-aggregate-repository.ts";

/**
 * Blocked seats at the end of each week, rebuilt from the status history: for
 * every entitlement, the last recorded state ("after") at or before the week's
 * end counts. Entitlements without history before a week are not counted for
 * it, so the line starts where the recorded history starts.
 *
 * The whole portfolio (or one service) comes from the weekly aggregates the
 * history trigger keeps; one customer or a user's own tenants are computed in
 * one pass over their history: each row's change of its entitlement's Blocked
 * seats, a tenant's running total for when it starts or stops counting, summed
 * per week and then up to each week.
 */
export async function blockedSeatsByWeek(
  db: Db,
  scope: {
    from: string;
    to: string;
    serviceId: string | null;
    customerId: string | null;
    visibleTo: TenantScope;
    /** False computes from the history even where the aggregates could answer (tests compare both). */
    useAggregates?: boolean | undefined;
  },
): Promise<BlockedWeek[]> {
  if (scope.useAggregates !== false && !scope.customerId && scope.visibleTo?.kind === "all") {
    return readBlockedWeeks(db, scope);
  }
  const serviceFilter = scope.serviceId ? sql`and e.service_id = ${scope.serviceId}` : sql``;
  const customerFilter = scope.customerId ? sql`and t.customer_id = ${scope.customerId}::uuid` : sql``;
  const visible = tenantScopeCondition(scope.visibleTo, { id: sql`t.id`, customerId: sql`t.customer_id` });
  const visibleFilter = visible ? sql`and ${visible}` : sql``;
  return rowsOf(
    db,
    sql`with weeks as (
          select generate_series(
            date_trunc('week', ${scope.from}::date)::date,
            date_trunc('week', ${scope.to}::date)::date,
            interval '7 days'
          )::date as week_start
        ),
        snapshots as (
          select h.id, h.entitlement_id, h.at, e.tenant_id,
            (select coalesce(sum((segment->>'seats')::int), 0)
               from jsonb_array_elements(h.after->'segments') segment
              where segment->>'l1' = ${blockedL1})::int as blocked
          from status_history h
          join entitlements e on e.id = h.entitlement_id
          join tenants t on t.id = e.tenant_id
          where h.at < (date_trunc('week', ${scope.to}::date) + interval '7 days')
          ${serviceFilter} ${customerFilter} ${visibleFilter}
        ),
        changes as (
          select id, at, tenant_id,
            blocked - coalesce(lag(blocked) over (partition by entitlement_id order by at, id), 0) as delta
          from snapshots
        ),
        weekly as (
          select date_trunc('week', at)::date as week_start, sum(delta) as seats,
            sum((running > 0)::int - ((running - delta) > 0)::int) as tenants
          from (select at, delta, sum(delta) over (partition by tenant_id order by at, id) as running from changes) counted
          group by 1
        )
        select to_char(w.week_start, 'YYYY-MM-DD') as "weekStart",
          coalesce((select sum(c.seats) from weekly c where c.week_start <= w.week_start), 0)::int as "seats",
          coalesce((select sum(c.tenants) from weekly c where c.week_start <= w.week_start), 0)::int as "tenants"
        from weeks w
        order by w.week_start`,
  );
}
