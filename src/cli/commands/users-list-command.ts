import type { Command } from "commander";
import { listUserViews } from "../../app/users/list-users.ts";
import type { CommandIo } from "./command-io.ts";
import { asOption, userLine } from "./users-command-support.ts";

/** `unblock users list [--json]`: the users the acting user may see, with their roles. */
export function addUsersListCommand(users: Command, io: CommandIo): void {
  users
    .command("list")
    .description("List users with their roles")
    .option(...asOption)
    .option("--json", "print JSON")
    .action(async (options: { as?: string; json?: boolean }) => {
      await io.withApp({ as: options.as }, async (deps, actor) => {
        const list = await listUserViews(deps, actor);
        await io.out(
          options.json ? `${JSON.stringify(list, null, 2)}\n` : `${list.map(userLine).join("\n")}\n`,
        );
      });
    });
}
