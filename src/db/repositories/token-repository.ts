import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client.ts";
import { isUuid } from "../infra/raw-rows.ts";
import { apiTokens, userAccounts, userPreferences, users } from "../schema.ts";
import type { UserRecord } from "./user-repository.ts";

export interface TokenRecord {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

const tokenColumns = {
  id: apiTokens.id,
  userId: apiTokens.userId,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
};

export async function insertToken(
  db: Db,
  input: {
    userId: string;
    name: string;
    tokenHash: string;
    prefix: string;
    createdAt: Date;
    expiresAt: Date | null;
  },
): Promise<TokenRecord> {
  const [row] = await db.insert(apiTokens).values(input).returning(tokenColumns);
  if (!row) throw new Error("The token was not stored");
  return row;
}

/** The token with its user, unless revoked or the user disabled. Expiry is the caller's to judge. */
export async function findToken(
  db: Db,
  tokenHash: string,
): Promise<{ token: TokenRecord; user: UserRecord; language: string | null } | null> {
  const [row] = await db
    .select({
      token: tokenColumns,
      user: { id: users.id, email: users.email, name: users.name, role: users.role },
      disabledAt: userAccounts.disabledAt,
      language: userPreferences.language,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(userAccounts, eq(userAccounts.userId, users.id))
    .leftJoin(userPreferences, eq(userPreferences.userId, users.id))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  if (!row || row.disabledAt) return null;
  return { token: row.token, user: row.user, language: row.language };
}

export async function touchToken(db: Db, id: string, now: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
}

export async function tokensOf(db: Db, userId: string): Promise<TokenRecord[]> {
  return db
    .select(tokenColumns)
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), apiTokens.id);
}

export async function findTokenById(db: Db, id: string): Promise<TokenRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select(tokenColumns).from(apiTokens).where(eq(apiTokens.id, id));
  return row ?? null;
}

export async function revokeToken(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
}
