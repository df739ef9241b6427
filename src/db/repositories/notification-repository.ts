import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Notification } from "../../http/schemas/notifications.ts";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { entitlements, notifications, services, tenants, users } from "../schema.ts";

export interface NewNotification {
  userId: string;
  kind: string;
  entitlementId: string | null;
  text: string;
  at: Date;
}

/** Writes inbox rows; returns their ids in the order given. */
export async function insertNotifications(db: Db, rows: readonly NewNotification[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(notifications)
    .values(rows.map(({ at, ...row }) => ({ ...row, createdAt: at })))
    .returning({ id: notifications.id });
  return inserted.map((row) => row.id);
}

/** A user's notifications, newest first, with the tenant of each one's entitlement (for its link). */
export async function listUserNotifications(db: Db, userId: string, limit: number): Promise<Notification[]> {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      text: notifications.text,
      entitlementId: notifications.entitlementId,
      tenantId: entitlements.tenantId,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .leftJoin(entitlements, eq(entitlements.id, notifications.entitlementId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.unread ?? 0);
}

/** Marks the user's own notifications read: these ids, or all when none are given. Others' ids change nothing. */
export async function markRead(
  db: Db,
  userId: string,
  ids: readonly string[] | undefined,
  at: Date,
): Promise<void> {
  const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
  await db
    .update(notifications)
    .set({ readAt: at })
    .where(ids ? and(mine, inArray(notifications.id, [...ids])) : mine);
}

/** What the e-mail of one notification needs: its recipient, text and the entitlement it is about. */
export interface NotificationMail {
  id: string;
  userId: string;
  email: string;
  name: string;
  text: string;
  kind: string;
  entitlementId: string | null;
  tenantId: string | null;
  tenantName: string | null;
  serviceName: string | null;
  emailedAt: Date | null;
}

export async function loadNotificationMail(db: Db, id: string): Promise<NotificationMail | null> {
  const [row] = await db
    .select({
      id: notifications.id,
      userId: notifications.userId,
      email: users.email,
      name: users.name,
      text: notifications.text,
      kind: notifications.kind,
      entitlementId: notifications.entitlementId,
      tenantId: entitlements.tenantId,
      tenantName: tenants.name,
      serviceName: services.name,
      emailedAt: notifications.emailedAt,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(entitlements, eq(entitlements.id, notifications.entitlementId))
    .leftJoin(tenants, eq(tenants.id, entitlements.tenantId))
    .leftJoin(services, eq(services.id, entitlements.serviceId))
    .where(eq(notifications.id, id));
  return row ?? null;
}

export async function markEmailed(db: Db, id: string, at: Date): Promise<void> {
  await db.update(notifications).set({ emailedAt: at }).where(eq(notifications.id, id));
}

/** An entitlement with the names a notice about it uses. */
export interface EntitlementNames {
  tenantId: string;
  customerId: string;
  tenantName: string;
  serviceName: string;
}

export async function entitlementNames(db: Db, entitlementId: string): Promise<EntitlementNames | null> {
  const [row] = await db
    .select({
      tenantId: tenants.id,
      customerId: tenants.customerId,
      tenantName: tenants.name,
      serviceName: services.name,
    })
    .from(entitlements)
    .innerJoin(tenants, eq(tenants.id, entitlements.tenantId))
    .innerJoin(services, eq(services.id, entitlements.serviceId))
    .where(eq(entitlements.id, entitlementId));
  return row ?? null;
}

/** Enabled users of `role` assigned to the tenant or to its customer (through the assignments table), each once. */
export async function usersAssignedWithRole(
  db: Db,
  target: { tenantId: string; customerId: string },
  role: string,
): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select distinct u.id::text as id from assignments a join users u on u.id = a.user_id
        left join user_accounts ua on ua.user_id = u.id
        where u.role = ${role} and ua.disabled_at is null
          and (a.tenant_id = ${target.tenantId} or a.customer_id = ${target.customerId})
        order by 1`,
  );
  return rows.map((row) => row.id);
}
