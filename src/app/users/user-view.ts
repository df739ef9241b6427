import type { AccountState } from "../../db/repositories/account-repository.ts";
import type { UserRecord } from "../../db/repositories/user-repository.ts";
import type { UserView } from "../../http/schemas/users.ts";

export type { UserView };

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
