import { eq, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { isUuid, rowsOf } from "../infra/raw-rows.ts";
import { userAccounts, users } from "../schema.ts";
import { normalizeEmail, type UserRecord } from "./user-repository.ts";

/** Sign-in state of one user; a user without an account row has no password and version 1. */
export interface AccountState {
  passwordHash: string | null;
  demoPassword: boolean;
  failedSignIns: number;
  lockedUntil: Date | null;
  disabledAt: Date | null;
  version: number;
}

const noAccount: AccountState = {
  passwordHash: null,
  demoPassword: false,
  failedSignIns: 0,
  lockedUntil: null,
  disabledAt: null,
  version: 1,
};

// Selected flat and assembled here: drizzle turns a nested left-joined object
// into null when its first column is null (a user without a password).
const flatColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  accountUserId: userAccounts.userId,
  passwordHash: userAccounts.passwordHash,
  demoPassword: userAccounts.demoPassword,
  failedSignIns: userAccounts.failedSignIns,
  lockedUntil: userAccounts.lockedUntil,
  disabledAt: userAccounts.disabledAt,
  version: userAccounts.version,
};

const userColumns = { id: users.id, email: users.email, name: users.name, role: users.role };

type FlatRow = {
  id: string;
  email: string;
  name: string;
  role: string;
  accountUserId: string | null;
  passwordHash: string | null;
  demoPassword: boolean | null;
  failedSignIns: number | null;
  lockedUntil: Date | null;
  disabledAt: Date | null;
  version: number | null;
};

function withAccount(row: FlatRow): { user: UserRecord; account: AccountState } {
  const user = { id: row.id, email: row.email, name: row.name, role: row.role };
  if (row.accountUserId === null) return { user, account: noAccount };
  return {
    user,
    account: {
      passwordHash: row.passwordHash,
      demoPassword: row.demoPassword ?? false,
      failedSignIns: row.failedSignIns ?? 0,
      lockedUntil: row.lockedUntil,
      disabledAt: row.disabledAt,
      version: row.version ?? 1,
    },
  };
}

export async function findUserWithAccount(
  db: Db,
  by: { email: string } | { id: string },
): Promise<{ user: UserRecord; account: AccountState } | null> {
  if ("id" in by && !isUuid(by.id)) return null;
  const where = "email" in by ? eq(users.email, normalizeEmail(by.email)) : eq(users.id, by.id);
  const [row] = await db
    .select(flatColumns)
    .from(users)
    .leftJoin(userAccounts, eq(userAccounts.userId, users.id))
    .where(where);
  return row ? withAccount(row) : null;
}

/** Users with their account state, by name. */
export async function listUsersWithAccounts(db: Db): Promise<{ user: UserRecord; account: AccountState }[]> {
  const rows = await db
    .select(flatColumns)
    .from(users)
    .leftJoin(userAccounts, eq(userAccounts.userId, users.id))
    .orderBy(users.name, users.id);
  return rows.map(withAccount);
}

/** Makes sure the user has an account row (version 1), so updates have a row to bump. */
async function ensureAccountRow(db: Db, userId: string): Promise<void> {
  await db.insert(userAccounts).values({ userId }).onConflictDoNothing();
}

/**
 * Bumps the account's version if it still is `expected`, locking the row for
 * the rest of the transaction; returns the new version, or null when someone
 * else changed the user first.
 */
export async function bumpAccountVersion(
  db: Db,
  userId: string,
  expected: number,
  now: Date,
): Promise<number | null> {
  await ensureAccountRow(db, userId);
  const [row] = await rowsOf<{ version: number }>(
    db,
    sql`update user_accounts set version = version + 1, updated_at = ${now.toISOString()}::timestamptz
        where user_id = ${userId}::uuid and version = ${expected}
        returning version`,
  );
  return row?.version ?? null;
}

export async function setAccountFields(
  db: Db,
  userId: string,
  fields: Partial<
    Pick<AccountState, "passwordHash" | "demoPassword" | "disabledAt" | "lockedUntil" | "failedSignIns">
  >,
): Promise<void> {
  await ensureAccountRow(db, userId);
  const values = {
    ...fields,
    ...(fields.passwordHash !== undefined ? { failedSignIns: 0, lockedUntil: null } : {}),
  };
  if (Object.keys(values).length === 0) return;
  await db.update(userAccounts).set(values).where(eq(userAccounts.userId, userId));
}

/**
 * Counts a failed sign-in in one statement (concurrent guesses cannot slip
 * past the limit) and locks the account once `limit` failures follow each other.
 */
export async function recordFailedSignIn(
  db: Db,
  userId: string,
  input: { now: Date; limit: number; lockMinutes: number },
): Promise<{ failedSignIns: number; lockedUntil: Date | null }> {
  await ensureAccountRow(db, userId);
  const lockUntil = new Date(input.now.getTime() + input.lockMinutes * 60_000);
  const [row] = await rowsOf<{ failedSignIns: number; lockedUntil: string | null }>(
    db,
    sql`update user_accounts set failed_sign_ins = failed_sign_ins + 1,
          locked_until = case when failed_sign_ins + 1 >= ${input.limit}
            then ${lockUntil.toISOString()}::timestamptz else locked_until end
        where user_id = ${userId}::uuid
        returning failed_sign_ins as "failedSignIns", locked_until::text as "lockedUntil"`,
  );
  return {
    failedSignIns: row?.failedSignIns ?? 0,
    lockedUntil: row?.lockedUntil ? new Date(row.lockedUntil) : null,
  };
}

/** A successful sign-in clears the failure count and any expired lock. */
export async function clearFailedSignIns(db: Db, userId: string): Promise<void> {
  await db
    .update(userAccounts)
    .set({ failedSignIns: 0, lockedUntil: null })
    .where(eq(userAccounts.userId, userId));
}

/** Users whose password is the published demo password. */
export async function demoPasswordUsers(db: Db): Promise<UserRecord[]> {
  return db
    .select(userColumns)
    .from(users)
    .innerJoin(userAccounts, eq(userAccounts.userId, users.id))
    .where(eq(userAccounts.demoPassword, true))
    .orderBy(users.email);
}

/** Whether some Admin can sign in with a password (bootstrap is done). */
export async function adminWithPasswordExists(db: Db, adminRole: string): Promise<boolean> {
  const rows = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from users u join user_accounts ua on ua.user_id = u.id
        where u.role = ${adminRole} and ua.password_hash is not null and ua.disabled_at is null`,
  );
  return (rows[0]?.n ?? 0) > 0;
}

/** Changes a user's name and role in place. */
export async function updateUserRecord(
  db: Db,
  userId: string,
  fields: Partial<Pick<UserRecord, "name" | "role">>,
): Promise<void> {
  if (Object.keys(fields).length === 0) return;
  await db.update(users).set(fields).where(eq(users.id, userId));
}

/** Inserts a new user; null when the email is taken (never overwrites someone). */
export async function insertNewUser(db: Db, user: Omit<UserRecord, "id">): Promise<UserRecord | null> {
  const [row] = await db
    .insert(users)
    .values({ email: normalizeEmail(user.email), name: user.name, role: user.role })
    .onConflictDoNothing()
    .returning(userColumns);
  return row ?? null;
}

/** Enabled users with this role other than `exceptUserId`. */
export async function otherEnabledUsersWithRole(db: Db, role: string, exceptUserId: string): Promise<number> {
  const rows = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from users u left join user_accounts ua on ua.user_id = u.id
        where u.role = ${role} and u.id <> ${exceptUserId}::uuid and ua.disabled_at is null`,
  );
  return rows[0]?.n ?? 0;
}

/** Bumps the version without a check: for changes the user makes to itself (its password). */
export async function incrementAccountVersion(db: Db, userId: string, now: Date): Promise<void> {
  await ensureAccountRow(db, userId);
  await db.execute(
    sql`update user_accounts set version = version + 1, updated_at = ${now.toISOString()}::timestamptz
        where user_id = ${userId}::uuid`,
  );
}
