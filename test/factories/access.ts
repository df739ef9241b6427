import type { Actor, AppDeps } from "../../src/app/app-deps.ts";
import { createApiToken } from "../../src/app/auth/api-tokens.ts";
import { hashPassword } from "../../src/app/auth/password-hash.ts";
import type { Db } from "../../src/db/client.ts";
import { setAccountFields } from "../../src/db/repositories/account-repository.ts";
import { assignments } from "../../src/db/schema.ts";

/** Assigns a user to a tenant or a customer directly (no policy check, no audit row): test set-up. */
export async function assign(
  db: Db,
  userId: string,
  target: { tenantId: string } | { customerId: string },
  options: { primary?: boolean } = {},
): Promise<string> {
  const [row] = await db
    .insert(assignments)
    .values({
      userId,
      tenantId: "tenantId" in target ? target.tenantId : null,
      customerId: "customerId" in target ? target.customerId : null,
      primary: options.primary ? 1 : 0,
    })
    .returning({ id: assignments.id });
  return row!.id;
}

/** Request headers that sign a request in as `user`, through a fresh API token of theirs. */
export async function bearerFor(deps: AppDeps, user: Actor): Promise<{ authorization: string }> {
  const { token } = await createApiToken(deps, { actor: user, source: "api" }, { name: "test" });
  return { authorization: `Bearer ${token}` };
}

/** Gives a user a password (scrypt, as sign-in checks it). */
export async function setPassword(db: Db, userId: string, password: string): Promise<void> {
  await setAccountFields(db, userId, { passwordHash: await hashPassword(password) });
}

/** Disables a user's account, as an Admin would: they can no longer sign in. */
export async function disableUser(db: Db, userId: string, at: Date = new Date()): Promise<void> {
  await setAccountFields(db, userId, { disabledAt: at });
}
