import type { Db } from "../../db/client.ts";
import {
  bumpAccountVersion,
  findUserWithAccount,
  otherEnabledUsersWithRole,
  setAccountFields,
  updateUserRecord,
} from "../../db/repositories/account-repository.ts";
import { deleteSessionsOfUser } from "../../db/repositories/session-repository.ts";
import { saidError, saidViolation } from "../../domain/app-error.ts";
import { roleIds } from "../../domain/policy/role-grants.ts";
import type { AppDeps } from "../app-deps.ts";
import { recordAudit, type WriteContext } from "../audit/record-audit.ts";
import { requireAllowed } from "../auth/authorize-actor.ts";
import { forgetCredentials } from "../auth/credential-cache.ts";
import { hashPassword } from "../auth/password-hash.ts";
import { checkUserFields } from "./create-user.ts";
import { auditedUser, type UserView, userViewOf } from "./user-view.ts";

export interface UserChanges {
  /** The version the editor read; a different stored version is a conflict. */
  version: number;
  name?: string | undefined;
  role?: string | undefined;
  password?: string | undefined;
  disabled?: boolean | undefined;
  /** Clears a sign-in lockout before it runs out. */
  unlock?: boolean | undefined;
}

/**
 * Changes a user (users.manage), checked against the version the editor read.
 * A new password or disabling signs the user out everywhere; a role change
 * takes effect on the user's next request. The last enabled Admin cannot be
 * demoted or disabled, so the instance never locks itself out. Audited.
 */
export async function updateUser(
  deps: AppDeps,
  context: WriteContext,
  userId: string,
  changes: UserChanges,
): Promise<UserView> {
  requireAllowed(deps, context.actor, { type: "users.manage" });
  const { violations, roleId } = checkUserFields(deps, {
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.role !== undefined ? { role: changes.role } : {}),
    password: changes.password,
  });
  if (violations.length > 0) throw saidError("validation_failed", "user_not_changed", {}, { violations });
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  const db = deps.database.db;
  const now = deps.now();

  const updated = await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const found = await findUserWithAccount(tx, { id: userId });
    if (!found) throw saidError("not_found", "no_user", { id: userId }, { detail: { userId } });
    const before = userViewOf(found.user, found.account, now);
    const version = await bumpAccountVersion(tx, userId, changes.version, now);
    if (version === null) {
      const current = await findUserWithAccount(tx, { id: userId });
      throw saidError(
        "version_conflict",
        "user_changed",
        { current: String(current?.account.version), edited: changes.version },
        { detail: { current: current ? userViewOf(current.user, current.account, now) : null } },
      );
    }
    const losesAdmin =
      found.user.role === roleIds.admin &&
      ((roleId !== null && roleId !== roleIds.admin) || changes.disabled === true);
    if (losesAdmin && (await otherEnabledUsersWithRole(tx, roleIds.admin, userId)) === 0) {
      throw saidError(
        "conflict",
        "last_admin",
        {},
        { violations: [saidViolation("role", "last_admin", "last_admin_field")] },
      );
    }

    await updateUserRecord(tx, userId, {
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(roleId !== null ? { role: roleId } : {}),
    });
    await setAccountFields(tx, userId, {
      ...(passwordHash !== undefined ? { passwordHash, demoPassword: false } : {}),
      ...(changes.disabled !== undefined ? { disabledAt: changes.disabled ? now : null } : {}),
    });
    if (changes.unlock) await setAccountFields(tx, userId, { lockedUntil: null, failedSignIns: 0 });
    if (passwordHash !== undefined || changes.disabled === true) await deleteSessionsOfUser(tx, userId);

    const stored = await findUserWithAccount(tx, { id: userId });
    const after = userViewOf(stored!.user, stored!.account, now);
    await recordAudit(tx, deps, context, {
      action: "user.update",
      targetType: "user",
      targetId: userId,
      before: auditedUser(before),
      after: { ...auditedUser(after), ...(passwordHash !== undefined ? { passwordChanged: true } : {}) },
    });
    return after;
  });
  // A new role, a disabled account or ended sessions apply to the next request, here and on the other servers.
  await forgetCredentials(deps);
  return updated;
}
