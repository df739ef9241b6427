import { Command } from "commander";
import { type CommandIo, processIo } from "./command-io.ts";
import { addUsersAddCommand } from "./users-add-command.ts";
import { addUsersAssignCommand } from "./users-assign-command.ts";
import { type PasswordSource, readStdinLine } from "./users-command-support.ts";
import { addUsersListCommand } from "./users-list-command.ts";
import { addUsersReassignCommand } from "./users-reassign-command.ts";
import { addUsersSetPasswordCommand } from "./users-set-password-command.ts";
import { addUsersSetRoleCommand } from "./users-set-role-command.ts";
import { addUsersTokenCommand } from "./users-token-command.ts";

/**
 * `unblock users add|list|set-role|set-password|assign|reassign|token`. The CLI opens
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
  addUsersListCommand(users, io);
  addUsersAddCommand(users, io, readPassword);
  addUsersSetRoleCommand(users, io);
  addUsersSetPasswordCommand(users, io, readPassword);
  addUsersAssignCommand(users, io);
  addUsersReassignCommand(users, io);
  addUsersTokenCommand(users, io);
  return users;
}
