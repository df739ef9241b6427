import type { Command } from "commander";
import { updateUser } from "../../app/users/update-user.ts";
import type { CommandIo } from "./command-io.ts";
import {
  asOption,
  contextOf,
  type PasswordOptions,
  type PasswordSource,
  passwordFrom,
  userByEmail,
} from "./users-command-support.ts";

/** `unblock users set-password <email>`: from stdin or generated; it also unlocks the account. */
export function addUsersSetPasswordCommand(
  users: Command,
  io: CommandIo,
  readPassword: PasswordSource,
): void {
  users
    .command("set-password <email>")
    .description("Set a user's password (signs the user out everywhere)")
    .option("--password-stdin", "read the password from stdin")
    .option("--generate-password", "generate a password and print it once")
    .option(...asOption)
    .action(async (email: string, options: PasswordOptions & { as?: string }) => {
      const { password, generated } = await passwordFrom(options, readPassword);
      if (password === undefined) {
        io.err("error: say where the password comes from: --password-stdin or --generate-password\n");
        io.fail(2);
        return;
      }
      await io.withApp({ as: options.as }, async (deps, actor) => {
        const found = await userByEmail(deps, email);
        await updateUser(deps, contextOf(actor), found.user.id, {
          version: found.account.version,
          password,
          unlock: true,
        });
        await io.out(
          generated ? `Password for ${email} (shown once): ${password}\n` : `Password set for ${email}.\n`,
        );
      });
    });
}
