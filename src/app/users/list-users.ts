import { listUsersWithAccounts } from "../../db/repositories/account-repository.ts";
import { saidError } from "../../domain/app-error.ts";
import { permissionsOf } from "../../domain/policy/permissions.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { policyContext, requireActor } from "../auth/authorize-actor.ts";
import { type UserView, userViewOf } from "./user-view.ts";

/**
 * Every user, for those who manage users or assign them (they pick whom to
 * assign); others are refused, so a partner cannot list the company's staff.
 */
export async function listUserViews(deps: AppDeps, actor: Actor): Promise<UserView[]> {
  const permissions = permissionsOf(policyContext(deps), requireActor(deps, actor).role);
  if (!permissions.includes("users.manage") && !permissions.includes("assignments.manage")) {
    throw saidError("forbidden", "users_list_forbidden", {}, { detail: { rule: "assign_not_allowed" } });
  }
  const now = deps.now();
  return (await listUsersWithAccounts(deps.database.db)).map(({ user, account }) =>
    userViewOf(user, account, now),
  );
}
