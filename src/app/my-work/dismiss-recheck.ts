import { dismissRecheckOf } from "../../db/repositories/recheck-repository.ts";
import { saidError } from "../../domain/app-error.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireActor } from "../auth/authorize-actor.ts";

/**
 * Dismisses one of the acting person's own re-check items (they looked, and
 * the status stands). Anyone else's item, or one dismissed already, is 404.
 */
export async function dismissRecheck(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  requireActor(deps, actor);
  if (!(await dismissRecheckOf(deps.database.db, id, actor.id, deps.now()))) {
    throw saidError("not_found", "no_recheck", { id }, { detail: { recheckId: id } });
  }
}
