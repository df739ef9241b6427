import { saidError } from "../../domain/app-error.ts";
import { permissionsOf } from "../../domain/policy/permissions.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { isKnownRole, policyContext } from "./authorize-actor.ts";

/** The signed-in user as the web app starts from it: who, and what the role may do. */
export interface CurrentUser {
  user: { id: string; email: string; name: string; role: string };
  permissions: string[];
}

/**
 * Describes the acting user. A role the playbook does not define has no
 * permissions at all (the use-cases refuse it too), rather than a default
 * set; a missing actor is unauthenticated.
 */
export function currentUserOf(deps: AppDeps, actor: Actor): CurrentUser {
  if (!actor) throw saidError("unauthenticated", "sign_in_first");
  return {
    user: { id: actor.id, email: actor.email, name: actor.name, role: actor.role },
    permissions: isKnownRole(deps, actor.role) ? permissionsOf(policyContext(deps), actor.role) : [],
  };
}
