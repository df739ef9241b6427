import {
  demoPasswordUsers,
  findUserWithAccount,
  setAccountFields,
} from "../../db/repositories/account-repository.ts";
import type { UserRecord } from "../../db/repositories/user-repository.ts";
import type { AppDeps } from "../app-deps.ts";
import { hashPassword } from "./password-hash.ts";

/**
 * The published password of the demo users. Only ever given to users the demo
 * seed created, and only when they have no password of their own; an account
 * holding it is flagged, so the server can say so on start.
 */
export const demoPassword = "unblock-demo";

/** Gives the demo password to those of `emails` that have no password yet; returns how many. */
export async function grantDemoPasswords(deps: AppDeps, emails: readonly string[]): Promise<number> {
  const db = deps.database.db;
  let hash: string | undefined;
  let granted = 0;
  for (const email of emails) {
    const found = await findUserWithAccount(db, { email });
    if (!found || found.account.passwordHash !== null) continue;
    // One hash for all: the password is public anyway, and nine scrypt runs would slow the first start.
    hash ??= await hashPassword(demoPassword);
    await setAccountFields(db, found.user.id, { passwordHash: hash, demoPassword: true });
    granted += 1;
  }
  return granted;
}

/** Users who still sign in with the demo password. */
export function demoSignIns(deps: AppDeps): Promise<UserRecord[]> {
  return demoPasswordUsers(deps.database.db);
}
