import { sql } from "drizzle-orm";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { Db } from "../client.ts";
import { blockedL1 } from "./entitlement-view.ts";
import { rowsOf } from "./raw-rows.ts";
import { tenantScopeCondition } from "./tenant-scope-sql.ts";

export interface BlockedWeek {
  /** Monday of the week (YYYY-MM-DD). */
  weekStart: string;
  seats: number;
  tenants: number;
}

/**
 * Blocked seats at the end of each week, rebuilt from the status history: for
 * every entitlement, the last recorded state ("after") at or before the week's
 * end counts. Entitlements without history before a week are not counted for
 * it, so the line starts where the recorded history starts.
 */
export async function blockedSeatsByWeek(
  db: Db,
  scope: {
    from: string;
    to: string;
    serviceId: string | null;
    customerId: string | null;
    visibleTo?: TenantScope | undefined;
  },
): Promise<BlockedWeek[]> {
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
          select h.entitlement_id, h.at, e.tenant_id,
            (select coalesce(sum((segment->>'seats')::int), 0)
               from jsonb_array_elements(h.after->'segments') segment
              where segment->>'l1' = ${blockedL1})::int as blocked
          from status_history h
          join entitlements e on e.id = h.entitlement_id
          join tenants t on t.id = e.tenant_id
          where h.at < (date_trunc('week', ${scope.to}::date) + interval '7 days')
          ${serviceFilter} ${customerFilter} ${visibleFilter}
        )
        select to_char(w.week_start, 'YYYY-MM-DD') as "weekStart",
               coalesce(sum(latest.blocked), 0)::int as "seats",
               count(distinct latest.tenant_id) filter (where latest.blocked > 0)::int as "tenants"
        from weeks w
        left join lateral (
          select distinct on (s.entitlement_id) s.entitlement_id, s.tenant_id, s.blocked
          from snapshots s
          where s.at < w.week_start + interval '7 days'
          order by s.entitlement_id, s.at desc
        ) latest on true
        group by w.week_start
        order by w.week_start`,
  );
}
