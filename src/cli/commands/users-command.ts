import { Command, InvalidArgumentError } from "commander";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import type { WriteContext } from "../../app/audit/record-audit.ts";
import { createApiToken } from "../../app/auth/api-tokens.ts";
import { generatePassword } from "../../app/auth/password-hash.ts";
import { assignUser } from "../../app/users/assign-user.ts";
import { createUser } from "../../app/users/create-user.ts";
import { listAssignments } from "../../app/users/list-assignments.ts";
import { listUserViews } from "../../app/users/list-users.ts";
import { unassignUser } from "../../app/users/unassign-user.ts";
import { updateUser } from "../../app/users/update-user.ts";
import type { UserView } from "../../app/users/user-view.ts";
import { findUserWithAccount } from "../../db/repositories/account-repository.ts";
import { findCustomerByKey, findTenantByKey } from "../../db/repositories/assignment-repository.ts";
import { AppError } from "../../domain/app-error.ts";
import { type CommandIo, processIo } from "./command-io.ts";

/** Reads a password from stdin (piped, or typed and ended with Enter), so it stays out of shell history. */
export type PasswordSource = () => Promise<string>;

const readStdinLine: PasswordSource = async () => {
  let text = "";
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0] ?? "";
};

interface PasswordOptions {
  passwordStdin?: boolean;
  generatePassword?: boolean;
}

async function passwordFrom(options: PasswordOptions, readPassword: PasswordSource) {
  if (options.passwordStdin && options.generatePassword) {
    throw new AppError("validation_failed", "Choose --password-stdin or --generate-password, not both.");
  }
  if (options.passwordStdin) return { password: await readPassword(), generated: false };
  if (options.generatePassword) return { password: generatePassword(), generated: true };
  return { password: undefined, generated: false };
}

function contextOf(actor: Actor): WriteContext {
  return { actor, source: "cli" };
}

async function userByEmail(deps: AppDeps, email: string) {
  const found = await findUserWithAccount(deps.database.db, { email });
  if (!found) throw new AppError("not_found", `There is no user ${email}.`);
  return found;
}

function userLine(user: UserView): string {
  const flags = [user.hasPassword ? "" : "no password", user.disabled ? "disabled" : ""].filter(Boolean);
  return `${user.email}\t${user.name}\t${user.role}${flags.length > 0 ? `\t(${flags.join(", ")})` : ""}`;
}

const days = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 3650) {
    throw new InvalidArgumentError("--days must be a whole number from 1 to 3650.");
  }
  return parsed;
};

/**
 * `unblock users add|list|set-role|set-password|assign|token`. The CLI opens
 * the database directly, like an admin console, but acts as a named user
 * (--as, default UNBLOCK_USER) and asks the same policy as the API: run as a
 * Delivery FM, it may assign only where that FM is primary. Every change is
 * audited with source "cli".
 */
export function usersCommand(
  io: CommandIo = processIo,
  readPassword: PasswordSource = readStdinLine,
): Command {
  const users = new Command("users").description("Manage users, their roles, assignments and API tokens");
  const asOption = [
    "--as <email>",
    "act as this user (default: UNBLOCK_USER, else admin@unblock.test)",
  ] as const;

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

  users
    .command("assign <email>")
    .description("Assign a user to a tenant (by domain or id) or a customer (by external id or id)")
    .option("--tenant <domain|id>", "the tenant")
    .option("--customer <externalId|id>", "the customer: covers all its tenants")
    .option("--primary", "as the primary (FMs may then assign others there)")
    .option("--remove", "remove the assignment instead")
    .option(...asOption)
    .action(
      async (
        email: string,
        options: { tenant?: string; customer?: string; primary?: boolean; remove?: boolean; as?: string },
      ) => {
        if (!options.tenant === !options.customer) {
          io.err("error: name exactly one of --tenant and --customer\n");
          io.fail(2);
          return;
        }
        await io.withApp({ as: options.as }, async (deps, actor) => {
          const db = deps.database.db;
          const user = await userByEmail(deps, email);
          const tenant = options.tenant ? await findTenantByKey(db, options.tenant) : null;
          const customer = options.customer ? await findCustomerByKey(db, options.customer) : null;
          const target = tenant ?? customer;
          if (!target)
            throw new AppError(
              "not_found",
              `There is no ${options.tenant ? "tenant" : "customer"} ${options.tenant ?? options.customer}.`,
            );
          const where = tenant ? { tenantId: tenant.id } : { customerId: target.id };
          if (options.remove) {
            const existing = await listAssignments(deps, actor, { userId: user.user.id, ...where });
            const own = existing.find((a) =>
              tenant ? a.tenant?.id === tenant.id : a.customer?.id === target.id,
            );
            if (!own) throw new AppError("not_found", `${email} is not assigned to ${target.name}.`);
            await unassignUser(deps, contextOf(actor), own.id);
            await io.out(`Removed ${email} from ${target.name}.\n`);
            return;
          }
          const assignment = await assignUser(deps, contextOf(actor), {
            userId: user.user.id,
            ...where,
            primary: options.primary ?? false,
          });
          await io.out(`Assigned ${email} to ${target.name}${assignment.primary ? " as primary" : ""}.\n`);
        });
      },
    );

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

  return users;
}
