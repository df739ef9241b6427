import type { AccountState } from "../../db/repositories/account-repository.ts";
import type { UserRecord } from "../../db/repositories/user-repository.ts";

/** A user as the API and CLI show it: never the password hash, only whether one is set. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: string;
  /** Checked on every edit: a stale version is refused with the current user. */
  version: number;
  hasPassword: boolean;
  disabled: boolean;
  /** ISO time until which sign-in is locked after failed attempts, or null. */
  lockedUntil: string | null;
}

export function userViewOf(user: UserRecord, account: AccountState, now: Date): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    version: account.version,
    hasPassword: account.passwordHash !== null,
    disabled: account.disabledAt !== null,
    lockedUntil: account.lockedUntil && account.lockedUntil > now ? account.lockedUntil.toISOString() : null,
  };
}

/** What an audit row keeps of a user: its own fields, no secrets. */
export function auditedUser(view: UserView): Record<string, unknown> {
  return {
    email: view.email,
    name: view.name,
    role: view.role,
    disabled: view.disabled,
    version: view.version,
  };
}
