import { type Command, InvalidArgumentError } from "commander";
import { createApiToken } from "../../app/auth/api-tokens.ts";
import type { CommandIo } from "./command-io.ts";
import { asOption, contextOf, userByEmail } from "./users-command-support.ts";

const days = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 3650) {
    throw new InvalidArgumentError("--days must be a whole number from 1 to 3650.");
  }
  return parsed;
};

/** `unblock users token <email>`: prints a new API token once, on stdout, and what it is on stderr. */
export function addUsersTokenCommand(users: Command, io: CommandIo): void {
  users
    .command("token <email>")
    .description("Create an API token for a user (yourself, or anyone as an Admin); printed once")
    .option("--name <name>", "what the token is for", "CLI")
    .option("--days <n>", "expire after this many days (default: never)", days)
    .option(...asOption)
    .action(async (email: string, options: { name: string; days?: number; as?: string }) => {
      await io.withApp({ as: options.as }, async (deps, actor) => {
        const user = await userByEmail(deps, email);
        const { token, view } = await createApiToken(deps, contextOf(actor), {
          userId: user.user.id,
          name: options.name,
          expiresInDays: options.days,
        });
        await io.out(`${token}\n`);
        io.err(
          `API token "${view.name}" for ${email}${view.expiresAt ? `, expires ${view.expiresAt}` : ""}. Shown only now; send it as Authorization: Bearer <token>.\n`,
        );
      });
    });
}
