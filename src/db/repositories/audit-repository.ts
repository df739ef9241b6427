import { type SQL, sql } from "drizzle-orm";
import type { AuditEntry } from "../../http/schemas/audit.ts";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { auditLog } from "../schema.ts";

export interface AuditEntryInput {
  at: Date;
  actor: { id: string | null; email: string; role: string };
  source: string;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** Appends one audit row; the table refuses updates and deletes, so this is its only write. */
export async function appendAudit(db: Db, entry: AuditEntryInput): Promise<void> {
  await db.insert(auditLog).values({
    at: entry.at,
    actorId: entry.actor.id || null,
    actorEmail: entry.actor.email,
    actorRole: entry.actor.role,
    source: entry.source,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId,
  });
}

export interface AuditQuery {
  from: Date | null;
  to: Date | null;
  action: string | null;
  actorEmail: string | null;
  targetId: string | null;
  /** Rows after this (at, key) pair, oldest first. */
  after: { at: string; key: string } | null;
  limit: number;
}

/**
 * The audit trail oldest first: audit_log rows and status changes merged, so
 * one export answers "who changed what" for every kind of write. Keyset paged
 * on (at, key).
 */
export async function auditEntries(db: Db, query: AuditQuery): Promise<AuditEntry[]> {
  const conditions: SQL[] = [];
  if (query.from) conditions.push(sql`trail.at >= ${query.from.toISOString()}::timestamptz`);
  if (query.to) conditions.push(sql`trail.at < ${query.to.toISOString()}::timestamptz`);
  if (query.action) conditions.push(sql`trail.action = ${query.action}`);
  if (query.actorEmail) conditions.push(sql`lower(trail.actor_email) = ${query.actorEmail.toLowerCase()}`);
  if (query.targetId) conditions.push(sql`trail.target_id = ${query.targetId}`);
  if (query.after) {
    conditions.push(sql`(trail.at, trail.key) > (${query.after.at}::timestamptz, ${query.after.key}::text)`);
  }
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  return rowsOf<AuditEntry>(
    db,
    sql`select trail.key as "key",
          to_char(trail.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "at", trail.actor_id::text as "actorId",
          trail.actor_email as "actorEmail", trail.actor_role as "actorRole", trail.source as "source",
          trail.action as "action", trail.target_type as "targetType", trail.target_id as "targetId",
          trail.before as "before", trail.after as "after", trail.request_id as "requestId"
        from (
          select 'audit:' || lpad(a.id::text, 19, '0') as key, a.at, a.actor_id, a.actor_email, a.actor_role,
            a.source, a.action, a.target_type, a.target_id, a.before, a.after, a.request_id
          from audit_log a
          union all
          select 'status:' || lpad(h.id::text, 19, '0'), h.at, h.actor_id, coalesce(u.email, 'system'),
            h.actor_role, h.source, 'status.set', 'entitlement', h.entitlement_id::text, h.before, h.after,
            h.request_id
          from status_history h left join users u on u.id = h.actor_id
        ) trail
        ${where}
        order by trail.at, trail.key
        limit ${query.limit}`,
  );
}

/** Who made the latest status change of an entitlement, and when: for "changed by X at T" on a conflict. */
export async function latestStatusChange(
  db: Db,
  entitlementId: string,
): Promise<{ at: string; name: string | null; email: string | null; role: string } | null> {
  const [row] = await rowsOf<{ at: string; name: string | null; email: string | null; role: string }>(
    db,
    sql`select to_char(h.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "at",
          u.name as "name", u.email as "email", h.actor_role as "role"
        from status_history h left join users u on u.id = h.actor_id
        where h.entitlement_id = ${entitlementId}::uuid
        order by h.at desc, h.id desc limit 1`,
  );
  return row ?? null;
}

/**
 * Makes the rest of the transaction the only one deciding about `action`:
 * another transaction asking for the same waits until this one ends, and
 * then sees what it wrote (servers starting together record a changed
 * playbook once).
 */
export async function lockAuditAction(tx: Db, action: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`audit:${action}`}, 0))`);
}

/** The `after` of the newest audit row with this action, or null. */
export async function lastAuditAfter(db: Db, action: string): Promise<unknown> {
  const [row] = await rowsOf<{ after: unknown }>(
    db,
    sql`select after from audit_log where action = ${action} order by id desc limit 1`,
  );
  return row?.after ?? null;
}
