import type { Db } from "../../db/client.ts";
import {
  findUserWithAccount,
  incrementAccountVersion,
  setAccountFields,
} from "../../db/repositories/account-repository.ts";
import { deleteSessionsOfUser } from "../../db/repositories/session-repository.ts";
import { saidError } from "../../domain/app-error.ts";
import type { AppDeps } from "../app-deps.ts";
import { recordAudit, type WriteContext } from "../audit/record-audit.ts";
import { requireActor } from "../auth/authorize-actor.ts";
import { forgetCredentials } from "../auth/credential-cache.ts";
import { hashPassword, passwordViolations, verifyPassword } from "../auth/password-hash.ts";

/**
 * Changes the actor's own password after checking the current one; every
 * session of the user ends (the caller opens a fresh one). Audited without
 * either password.
 */
export async function changeOwnPassword(
  deps: AppDeps,
  context: WriteContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = requireActor(deps, context.actor);
  const db = deps.database.db;
  const found = await findUserWithAccount(db, { id: actor.id });
  const hash = found?.account.passwordHash;
  if (!found || !hash || !(await verifyPassword(input.currentPassword, hash))) {
    throw saidError(
      "validation_failed",
      "password_wrong",
      {},
      {
        violations: [
          { field: "currentPassword", code: "password_wrong", message: "The current password is not right." },
        ],
      },
    );
  }
  const violations = passwordViolations(input.newPassword, "newPassword");
  if (violations.length > 0) throw saidError("validation_failed", "password_unusable", {}, { violations });
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    await setAccountFields(tx, found.user.id, { passwordHash, demoPassword: false });
    await incrementAccountVersion(tx, found.user.id, deps.now());
    await deleteSessionsOfUser(tx, found.user.id);
    await recordAudit(tx, deps, context, {
      action: "user.password",
      targetType: "user",
      targetId: found.user.id,
      before: null,
      after: { email: found.user.email, passwordChanged: true },
    });
  });
  await forgetCredentials(deps);
}
