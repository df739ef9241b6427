import { sql } from "drizzle-orm";
import type { ReassignPlan } from "../../http/schemas/users.ts";
import type { Db } from "../client.ts";
import { isUuid, rowsOf } from "../infra/raw-rows.ts";

/** Which of a person's assignments a reassignment moves: all, or those on the named customers and tenants. */
export interface ReassignSelection {
  fromUserId: string;
  toUserId: string;
  /** Customer ids or external ids; null with tenantKeys null means every assignment. */
  customerKeys: readonly string[] | null;
  /** Tenant ids or domains. */
  tenantKeys: readonly string[] | null;
}

type MovedAssignment = ReassignPlan["assignments"][number];
type MovedSegment = ReassignPlan["segments"][number];

const keyList = (keys: readonly string[]) =>
  sql`array(select json_array_elements_text(${JSON.stringify(keys.map((key) => key.trim().toLowerCase()))}::json))`;

function selected(selection: ReassignSelection) {
  if (selection.customerKeys === null && selection.tenantKeys === null) return sql`true`;
  const customers = keyList(selection.customerKeys ?? []);
  const tenants = keyList(selection.tenantKeys ?? []);
  return sql`((c.id::text = any(${customers}) or lower(c.external_id) = any(${customers}))
    or (t.id::text = any(${tenants}) or lower(t.domain) = any(${tenants})))`;
}

/**
 * The person's assignments the selection names, locked for the move, each
 * with whether the new person already holds the same one (then it merges).
 */
export async function assignmentsToMove(db: Db, selection: ReassignSelection): Promise<MovedAssignment[]> {
  if (!isUuid(selection.fromUserId) || !isUuid(selection.toUserId)) return [];
  const rows = await rowsOf<{
    id: string;
    customerId: string | null;
    customerName: string | null;
    tenantId: string | null;
    tenantName: string | null;
    primary: boolean;
    merged: boolean;
  }>(
    db,
    sql`select a.id::text as "id", c.id::text as "customerId", c.name as "customerName",
          t.id::text as "tenantId", t.name as "tenantName", a.is_primary = 1 as "primary",
          exists (select 1 from assignments b where b.user_id = ${selection.toUserId}::uuid
                    and b.customer_id is not distinct from a.customer_id
                    and b.tenant_id is not distinct from a.tenant_id) as "merged"
        from assignments a
        left join customers c on c.id = a.customer_id
        left join tenants t on t.id = a.tenant_id
       where a.user_id = ${selection.fromUserId}::uuid and ${selected(selection)}
       order by coalesce(c.name, t.name), a.id
       for update of a`,
  );
  return rows.map((row) => ({
    id: row.id,
    customer: row.customerId ? { id: row.customerId, name: row.customerName ?? "" } : null,
    tenant: row.tenantId ? { id: row.tenantId, name: row.tenantName ?? "" } : null,
    primary: row.primary,
    merged: row.merged,
  }));
}

/** Segments the person owns on the tenants these assignments cover (a customer's: all its tenants). */
export async function ownedSegmentsCovered(
  db: Db,
  fromUserId: string,
  assignmentIds: readonly string[],
): Promise<MovedSegment[]> {
  const ids = assignmentIds.filter(isUuid);
  if (ids.length === 0 || !isUuid(fromUserId)) return [];
  return rowsOf<MovedSegment>(
    db,
    sql`select s.entitlement_id::text as "entitlementId", s.position, c.name as "customerName",
          t.name as "tenantName", e.service_id as "serviceId", s.l1
        from status_segments s
        join entitlements e on e.id = s.entitlement_id
        join tenants t on t.id = e.tenant_id
        join customers c on c.id = t.customer_id
       where s.owner_user_id = ${fromUserId}::uuid
         and exists (select 1 from assignments a
                      where a.id = any(${`{${ids.join(",")}}`}::uuid[])
                        and (a.tenant_id = t.id or a.customer_id = t.customer_id))
       order by c.name, t.name, e.service_id, s.position`,
  );
}

/** Gives the assignment to another user. */
export async function moveAssignment(db: Db, id: string, toUserId: string): Promise<void> {
  await db.execute(sql`update assignments set user_id = ${toUserId}::uuid where id = ${id}::uuid`);
}
