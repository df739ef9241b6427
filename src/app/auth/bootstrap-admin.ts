import type { Db } from "../../db/client.ts";
import {
  adminWithPasswordExists,
  findUserWithAccount,
  insertNewUser,
  setAccountFields,
  updateUserRecord,
} from "../../db/repositories/account-repository.ts";
import { AppError } from "../../domain/app-error.ts";
import { roleIds } from "../../domain/policy/role-grants.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { generatePassword, hashPassword, passwordViolations } from "./password-hash.ts";

export type BootstrapResult =
  | { created: false }
  | { created: true; email: string; password: string; generated: boolean };

/** The actor of writes nobody signed in made: start-up and set-up. */
export const systemActor: Actor = { id: "", email: "system", name: "System", role: roleIds.admin };

/**
 * First start: when no Admin can sign in, makes `email` an Admin with the given
 * password (UNBLOCK_ADMIN_PASSWORD) or a generated one, which the caller prints
 * once. It is not stored anywhere readable: lose it and run `unblock users
 * set-password`. Does nothing once an Admin has a password. Audited.
 */
export async function ensureFirstAdmin(
  deps: AppDeps,
  input: { email: string; password?: string | undefined; name?: string },
): Promise<BootstrapResult> {
  const db = deps.database.db;
  if (await adminWithPasswordExists(db, roleIds.admin)) return { created: false };
  const given = input.password || undefined;
  if (given !== undefined) {
    const violations = passwordViolations(given, "UNBLOCK_ADMIN_PASSWORD");
    if (violations.length > 0) {
      throw new AppError("validation_failed", "UNBLOCK_ADMIN_PASSWORD cannot be used.", { violations });
    }
  }
  const password = given ?? generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const existing = await findUserWithAccount(tx, { email: input.email });
    const user =
      existing?.user ??
      (await insertNewUser(tx, {
        email: input.email,
        name: input.name ?? "Administrator",
        role: roleIds.admin,
      }));
    if (!user) throw new AppError("conflict", `Could not create the Admin ${input.email}.`);
    if (user.role !== roleIds.admin) await updateUserRecord(tx, user.id, { role: roleIds.admin });
    await setAccountFields(tx, user.id, { passwordHash, demoPassword: false, disabledAt: null });
    await recordAudit(
      tx,
      deps,
      { actor: systemActor, source: "system" },
      {
        action: "user.bootstrap",
        targetType: "user",
        targetId: user.id,
        before: existing ? { email: existing.user.email, role: existing.user.role } : null,
        after: { email: user.email, role: roleIds.admin, passwordSet: true },
      },
    );
  });
  return { created: true, email: input.email, password, generated: given === undefined };
}
