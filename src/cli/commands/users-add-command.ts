import type { Command } from "commander";
import { createUser } from "../../app/users/create-user.ts";
import type { CommandIo } from "./command-io.ts";
import {
  asOption,
  contextOf,
  type PasswordOptions,
  type PasswordSource,
  passwordFrom,
  userLine,
} from "./users-command-support.ts";

/** `unblock users add <email>`: creates a user; the very first one may be added by the system. */
export function addUsersAddCommand(users: Command, io: CommandIo, readPassword: PasswordSource): void {
  users
    .command("add <email>")
    .description("Create a user; the very first user may be added before anyone exists")
    .requiredOption("--name <name>", "display name")
    .requiredOption("--role <role>", "playbook role id or name (admin, delivery_fm, Partner, ...)")
    .option("--password-stdin", "read the password from stdin")
    .option("--generate-password", "generate a password and print it once")
    .option(...asOption)
    .action(async (email: string, options: PasswordOptions & { name: string; role: string; as?: string }) => {
      const { password, generated } = await passwordFrom(options, readPassword);
      await io.withApp({ as: options.as, systemWhenNoUsers: true }, async (deps, actor) => {
        const user = await createUser(deps, contextOf(actor), {
          email,
          name: options.name,
          role: options.role,
          password,
        });
        await io.out(`Created ${userLine(user)}\n`);
        if (generated) await io.out(`Password (shown once): ${password}\n`);
      });
    });
}
