import { and, eq, isNull, sql } from "drizzle-orm";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { Db } from "../client.ts";
import { isUuid, rowsOf } from "../infra/raw-rows.ts";
import { recheckItems } from "../schema.ts";
import { tenantScopeCondition } from "../sql/tenant-scope-sql.ts";
import { uuidOrNobody } from "./assignment-repository.ts";

/** "Re-check: the fix shipped" items (docs/ROADMAP.md): one per work item, entitlement and person. */
export interface NewRecheck {
  workItemId: string;
  entitlementId: string;
  userId: string;
  entitlementVersion: number;
  seats: number;
}

/** Writes re-check items; one that exists already (same item, entitlement, person) is left as it is. */
export async function insertRechecks(db: Db, rows: readonly NewRecheck[], at: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(recheckItems)
    .values(rows.map((row) => ({ ...row, createdAt: at })))
    .onConflictDoNothing()
    .returning({ id: recheckItems.id });
  return inserted.length;
}

export interface OpenRecheck {
  id: string;
  createdAt: Date;
  seats: number;
  entitlementId: string;
  workItem: { id: string; title: string; externalUrl: string | null; shippedDate: string | null };
}

/**
 * A person's open re-check items, oldest first, within what they may read:
 * not dismissed, the entitlement not ended and still at the version it had
 * when the fix shipped (a status change since closes the item by itself).
 */
export async function openRechecksOf(
  db: Db,
  userId: string,
  visibleTo: TenantScope,
  limit: number,
): Promise<{ count: number; rows: OpenRecheck[] }> {
  const scope = tenantScopeCondition(visibleTo, { id: sql`t.id`, customerId: sql`t.customer_id` });
  const rows = await rowsOf<
    Omit<OpenRecheck, "workItem" | "createdAt"> & {
      createdAt: string;
      workItemId: string;
      title: string;
      externalUrl: string | null;
      shippedDate: string | null;
      total: number;
    }
  >(
    db,
    sql`select r.id::text as id, r.created_at as "createdAt", r.seats::int as seats,
          r.entitlement_id::text as "entitlementId", w.id::text as "workItemId", w.title,
          w.external_url as "externalUrl", w.shipped_date::text as "shippedDate",
          count(*) over ()::int as total
        from recheck_items r
        join work_items w on w.id = r.work_item_id
        join entitlements e on e.id = r.entitlement_id and e.version = r.entitlement_version
        join tenants t on t.id = e.tenant_id
        where r.user_id = ${uuidOrNobody(userId)}::uuid and r.dismissed_at is null and e.ended_at is null
          ${scope ? sql`and ${scope}` : sql``}
        order by r.created_at, w.title, r.id
        limit ${limit}`,
  );
  return {
    count: rows[0]?.total ?? 0,
    rows: rows.map((row) => ({
      id: row.id,
      createdAt: new Date(row.createdAt),
      seats: row.seats,
      entitlementId: row.entitlementId,
      workItem: {
        id: row.workItemId,
        title: row.title,
        externalUrl: row.externalUrl,
        shippedDate: row.shippedDate,
      },
    })),
  };
}

/** Dismisses one of the person's own open items; false when there is none of that id for them. */
export async function dismissRecheckOf(db: Db, id: string, userId: string, at: Date): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await db
    .update(recheckItems)
    .set({ dismissedAt: at })
    .where(
      and(
        eq(recheckItems.id, id),
        eq(recheckItems.userId, uuidOrNobody(userId)),
        isNull(recheckItems.dismissedAt),
      ),
    )
    .returning({ id: recheckItems.id });
  return rows.length > 0;
}
