import {
  findUserByEmail as findUserRow,
  findUserById as findUserRowById,
  listUserRecords,
  type UserRecord,
  upsertUser,
} from "../../db/repositories/user-repository.ts";
import { saidError } from "../../domain/app-error.ts";
import type { AppDeps } from "../app-deps.ts";

export type { UserRecord } from "../../db/repositories/user-repository.ts";

/** The user with that email (case-insensitive), or null. */
export function findUserByEmail(deps: AppDeps, email: string): Promise<UserRecord | null> {
  return findUserRow(deps.database.db, email);
}

/** The user with that id, or null (also for a malformed id). */
export function findUserById(deps: AppDeps, id: string): Promise<UserRecord | null> {
  return findUserRowById(deps.database.db, id);
}

export function listUsers(deps: AppDeps): Promise<UserRecord[]> {
  return listUserRecords(deps.database.db);
}

/**
 * Creates a user or updates its name and role. The role must be one the
 * playbook defines (by id or name), because the rules check it on every change.
 */
export async function ensureUser(
  deps: AppDeps,
  input: { email: string; name: string; role: string },
): Promise<UserRecord> {
  const violations = [];
  const email = input.email.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    violations.push({
      field: "email",
      code: "email_invalid",
      message: `"${input.email}" is not an email address.`,
    });
  }
  if (input.name.trim() === "") {
    violations.push({ field: "name", code: "name_required", message: "A user needs a name." });
  }
  const role = deps.playbook.index.role(input.role);
  if (!role) {
    const known = deps.playbook.index.playbook.roles.map((r) => r.id).join(", ");
    violations.push({
      field: "role",
      code: "role_unknown",
      message: `"${input.role}" is not a role of the playbook. Choose one of: ${known}.`,
    });
  }
  if (violations.length > 0 || !role) {
    throw saidError("validation_failed", "user_not_stored", {}, { violations });
  }
  return upsertUser(deps.database.db, { email, name: input.name.trim(), role: role.id });
}
