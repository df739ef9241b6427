import type { Actor, AppDeps } from "../../app/app-deps.ts";
import type { WriteContext } from "../../app/audit/record-audit.ts";
import { generatePassword } from "../../app/auth/password-hash.ts";
import type { UserView } from "../../app/users/user-view.ts";
import { findUserWithAccount } from "../../db/repositories/account-repository.ts";
import { AppError } from "../../domain/app-error.ts";

/** What the `unblock users` subcommands share: who acts, where passwords come from, how a user prints. */

/** Reads a password from stdin (piped, or typed and ended with Enter), so it stays out of shell history. */
export type PasswordSource = () => Promise<string>;

export const readStdinLine: PasswordSource = async () => {
  let text = "";
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0] ?? "";
};

export interface PasswordOptions {
  passwordStdin?: boolean;
  generatePassword?: boolean;
}

export async function passwordFrom(options: PasswordOptions, readPassword: PasswordSource) {
  if (options.passwordStdin && options.generatePassword) {
    throw new AppError("validation_failed", "Choose --password-stdin or --generate-password, not both.");
  }
  if (options.passwordStdin) return { password: await readPassword(), generated: false };
  if (options.generatePassword) return { password: generatePassword(), generated: true };
  return { password: undefined, generated: false };
}

export const asOption = [
  "--as <email>",
  "act as this user (default: UNBLOCK_USER, else admin@unblock.test)",
] as const;

export function contextOf(actor: Actor): WriteContext {
  return { actor, source: "cli" };
}

export async function userByEmail(deps: AppDeps, email: string) {
  const found = await findUserWithAccount(deps.database.db, { email });
  if (!found) throw new AppError("not_found", `There is no user ${email}.`);
  return found;
}

export function userLine(user: UserView): string {
  const flags = [user.hasPassword ? "" : "no password", user.disabled ? "disabled" : ""].filter(Boolean);
  return `${user.email}\t${user.name}\t${user.role}${flags.length > 0 ? `\t(${flags.join(", ")})` : ""}`;
}
