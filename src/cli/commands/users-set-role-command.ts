import type { Command } from "commander";
import { updateUser } from "../../app/users/update-user.ts";
import type { CommandIo } from "./command-io.ts";
import { asOption, contextOf, userByEmail, userLine } from "./users-command-support.ts";

/** `unblock users set-role <email> <role>`. */
export function addUsersSetRoleCommand(users: Command, io: CommandIo): void {
  users
    .command("set-role <email> <role>")
    .description("Change a user's role")
    .option(...asOption)
    .action(async (email: string, role: string, options: { as?: string }) => {
      await io.withApp({ as: options.as }, async (deps, actor) => {
        const found = await userByEmail(deps, email);
        const user = await updateUser(deps, contextOf(actor), found.user.id, {
          version: found.account.version,
          role,
        });
        await io.out(`${userLine(user)}\n`);
      });
    });
}
