import type { AppDeps } from "../app-deps.ts";
import { demoUsers } from "../demo/demo-users.ts";
import { ensureFirstAdmin } from "./bootstrap-admin.ts";
import { demoPassword, demoSignIns, grantDemoPasswords } from "./demo-passwords.ts";

export interface PrepareSignInInput {
  /** `serve --demo`: the demo users (created by the demo seed) get the demo password if they have none. */
  demo: boolean;
  /** The first Admin, made when no Admin can sign in yet (UNBLOCK_ADMIN_EMAIL / UNBLOCK_ADMIN_PASSWORD). */
  admin: { email: string; password?: string | undefined };
}

/**
 * Makes sure someone can sign in when the server starts, and returns what to
 * tell the person who started it: the generated first-Admin password (this
 * once, never again) and, with --demo, the demo accounts and their password.
 */
export async function prepareSignIn(deps: AppDeps, input: PrepareSignInInput): Promise<string[]> {
  const lines: string[] = [];
  if (input.demo)
    await grantDemoPasswords(
      deps,
      demoUsers.map((user) => user.email),
    );
  const admin = await ensureFirstAdmin(deps, input.admin);
  if (admin.created && admin.generated) {
    lines.push(
      `Created the first Admin ${admin.email} with the password ${admin.password}`,
      "  It is shown only this once: sign in and change it, or set UNBLOCK_ADMIN_PASSWORD before the first start.",
      "  More Admins: unblock users add <email> --name <name> --role admin, then unblock users set-password <email> --password-stdin.",
    );
  } else if (admin.created) {
    lines.push(`Created the first Admin ${admin.email} with the password from UNBLOCK_ADMIN_PASSWORD.`);
  }
  if (input.demo) {
    const demo = await demoSignIns(deps);
    if (demo.length > 0) {
      lines.push(
        `Demo sign-in: password "${demoPassword}" for ${demo.map((user) => `${user.email} (${user.role})`).join(", ")}.`,
        "  Demo data only: never start real data with --demo.",
      );
    }
  }
  return lines;
}
