import { type SQL, sql } from "drizzle-orm";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { StatusSnapshot } from "../../http/schemas/entitlements.ts";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { tenantScopeCondition } from "../sql/tenant-scope-sql.ts";

export interface RecentChangeQuery {
  /** Only tenants within this scope (the reader's); absent means none. */
  visibleTo: TenantScope;
  serviceId: string | null;
  customerId: string | null;
  limit: number;
}

/** One status history row with what it is about and who wrote it. */
export interface RecentChangeRow {
  id: number;
  at: string;
  entitlementId: string;
  customerId: string;
  customerName: string;
  tenantId: string;
  tenantName: string;
  serviceId: string;
  actorName: string | null;
  actorRole: string;
  source: string;
  /** The playbook version the row was written under (null before versions were recorded). */
  playbookVersion: string | null;
  before: StatusSnapshot;
  after: StatusSnapshot;
}

/**
 * The newest status changes on the tenants `visibleTo` allows, newest first
 * (ties by insertion order). Over the whole portfolio the history's index on
 * `at` is walked from the newest entry; within a narrower scope (a person's
 * tenants) each entitlement's newest few come from the index on
 * (entitlement, at) and are merged, so a person whose tenants changed long
 * ago does not make the statement walk everyone's history.
 */
export async function recentChanges(db: Db, query: RecentChangeQuery): Promise<RecentChangeRow[]> {
  const conditions: SQL[] = [];
  const visible = tenantScopeCondition(query.visibleTo, { id: sql`t.id`, customerId: sql`t.customer_id` });
  if (visible) conditions.push(visible);
  if (query.serviceId) conditions.push(sql`e.service_id = ${query.serviceId}`);
  if (query.customerId) conditions.push(sql`t.customer_id = ${query.customerId}::uuid`);
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const history = visible
    ? sql`(select e.id as entitlement_id from entitlements e join tenants t on t.id = e.tenant_id ${where}) scoped
        cross join lateral (select * from status_history newest where newest.entitlement_id = scoped.entitlement_id
          order by newest.at desc, newest.id desc limit ${query.limit}) h`
    : sql`status_history h`;
  const rows = await rowsOf<Omit<RecentChangeRow, "at"> & { at: Date | string }>(
    db,
    sql`select h.id::int as "id", h.at as "at", e.id::text as "entitlementId",
          c.id::text as "customerId", c.name as "customerName", t.id::text as "tenantId", t.name as "tenantName",
          e.service_id as "serviceId", u.name as "actorName", h.actor_role as "actorRole", h.source as "source",
          h.playbook_version as "playbookVersion", h.before as "before", h.after as "after"
        from ${history}
        join entitlements e on e.id = h.entitlement_id
        join tenants t on t.id = e.tenant_id
        join customers c on c.id = t.customer_id
        left join users u on u.id = h.actor_id
        ${visible ? sql`` : where}
        order by h.at desc, h.id desc
        limit ${query.limit}`,
  );
  return rows.map((row) => ({ ...row, at: new Date(row.at).toISOString() }));
}
