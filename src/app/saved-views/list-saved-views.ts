import { listSavedViewRows } from "../../db/repositories/saved-view-repository.ts";
import type { SavedView } from "../../http/schemas/saved-views.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireActor } from "../auth/authorize-actor.ts";

/** The acting user's saved portfolio views, by name. */
export async function listSavedViews(deps: AppDeps, actor: Actor): Promise<SavedView[]> {
  return listSavedViewRows(deps.database.db, requireActor(deps, actor).id);
}
