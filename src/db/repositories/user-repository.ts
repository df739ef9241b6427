import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { isUuid } from "../infra/raw-rows.ts";
import { users } from "../schema.ts";

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  /** Playbook role id: decides which scenario rows the user may record through. */
  role: string;
}

const columns = { id: users.id, email: users.email, name: users.name, role: users.role };

/** Emails are stored lower-case, so lookups ignore the case people type them in. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | null> {
  const [row] = await db
    .select(columns)
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return row ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select(columns).from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function listUserRecords(db: Db): Promise<UserRecord[]> {
  return db.select(columns).from(users).orderBy(asc(users.name), asc(users.id));
}

/** Creates the user, or brings name and role of an existing one (same email) up to date. */
export async function upsertUser(db: Db, user: Omit<UserRecord, "id">): Promise<UserRecord> {
  const [row] = await db
    .insert(users)
    .values({ email: normalizeEmail(user.email), name: user.name, role: user.role })
    .onConflictDoUpdate({ target: users.email, set: { name: sql`excluded.name`, role: sql`excluded.role` } })
    .returning(columns);
  if (!row) throw new Error(`Could not store user ${user.email}`);
  return row;
}
