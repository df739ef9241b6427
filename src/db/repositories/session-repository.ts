import { eq, lt, or } from "drizzle-orm";
import type { Db } from "../client.ts";
import { sessions, userAccounts, userPreferences, users } from "../schema.ts";
import type { UserRecord } from "./user-repository.ts";

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export async function insertSession(db: Db, session: SessionRecord): Promise<void> {
  await db.insert(sessions).values(session);
}

/** The session with its user, unless the user is disabled. Expiry is the caller's to judge. */
export async function findSession(
  db: Db,
  tokenHash: string,
): Promise<{ session: SessionRecord; user: UserRecord; language: string | null } | null> {
  const [row] = await db
    .select({
      session: sessions,
      user: { id: users.id, email: users.email, name: users.name, role: users.role },
      disabledAt: userAccounts.disabledAt,
      language: userPreferences.language,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(userAccounts, eq(userAccounts.userId, users.id))
    .leftJoin(userPreferences, eq(userPreferences.userId, users.id))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row || row.disabledAt) return null;
  return { session: row.session, user: row.user, language: row.language };
}

export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Signs a user out everywhere (password change, disabling). */
export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Removes sessions past their absolute end or idle longer than `idleBefore` allows. */
export async function deleteStaleSessions(db: Db, input: { now: Date; idleBefore: Date }): Promise<void> {
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, input.now), lt(sessions.lastSeenAt, input.idleBefore)));
}
