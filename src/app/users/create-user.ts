import type { Db } from "../../db/client.ts";
import {
  findUserWithAccount,
  insertNewUser,
  setAccountFields,
} from "../../db/repositories/account-repository.ts";
import { saidError, saidViolation } from "../../domain/app-error.ts";
import type { Violation } from "../../domain/violation.ts";
import type { AppDeps } from "../app-deps.ts";
import { recordAudit, type WriteContext } from "../audit/record-audit.ts";
import { requireAllowed } from "../auth/authorize-actor.ts";
import { hashPassword, passwordViolations } from "../auth/password-hash.ts";
import { auditedUser, type UserView, userViewOf } from "./user-view.ts";

export interface NewUser {
  email: string;
  name: string;
  /** Role id or name from the playbook. */
  role: string;
  /** Optional: a user without a password signs in only with an API token until one is set. */
  password?: string | undefined;
}

/** Checks a user's fields; returns the playbook role id. */
export function checkUserFields(
  deps: AppDeps,
  input: { email?: string; name?: string; role?: string; password?: string | undefined },
): { violations: Violation[]; roleId: string | null } {
  const violations: Violation[] = [];
  if (input.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email.trim())) {
    violations.push({
      field: "email",
      code: "email_invalid",
      message: `"${input.email}" is not an email address.`,
    });
  }
  if (input.name !== undefined && (input.name.trim() === "" || input.name.length > 200)) {
    violations.push({
      field: "name",
      code: "name_required",
      message: "A user needs a name (up to 200 characters).",
    });
  }
  let roleId: string | null = null;
  if (input.role !== undefined) {
    roleId = deps.playbook.index.role(input.role)?.id ?? null;
    if (!roleId) {
      const known = deps.playbook.index.playbook.roles.map((r) => r.id).join(", ");
      violations.push({
        field: "role",
        code: "role_unknown",
        message: `"${input.role}" is not a role of the playbook. Choose one of: ${known}.`,
      });
    }
  }
  if (input.password !== undefined) violations.push(...passwordViolations(input.password));
  return { violations, roleId };
}

/** Creates a user (users.manage); a taken email is a conflict, not an update. Audited. */
export async function createUser(deps: AppDeps, context: WriteContext, input: NewUser): Promise<UserView> {
  requireAllowed(deps, context.actor, { type: "users.manage" });
  const { violations, roleId } = checkUserFields(deps, input);
  if (violations.length > 0 || !roleId) {
    throw saidError("validation_failed", "user_not_created", {}, { violations });
  }
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const db = deps.database.db;
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const user = await insertNewUser(tx, {
      email: input.email.trim(),
      name: input.name.trim(),
      role: roleId,
    });
    if (!user) {
      throw saidError(
        "conflict",
        "email_taken",
        { email: input.email.trim() },
        { violations: [saidViolation("email", "email_taken", "email_taken_field")] },
      );
    }
    await setAccountFields(tx, user.id, { passwordHash, demoPassword: false });
    const stored = await findUserWithAccount(tx, { id: user.id });
    const view = userViewOf(stored!.user, stored!.account, deps.now());
    await recordAudit(tx, deps, context, {
      action: "user.create",
      targetType: "user",
      targetId: user.id,
      before: null,
      after: { ...auditedUser(view), passwordSet: passwordHash !== null },
    });
    return view;
  });
}
