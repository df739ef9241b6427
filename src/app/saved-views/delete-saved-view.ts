import { deleteSavedViewRow } from "../../db/repositories/saved-view-repository.ts";
import { saidError } from "../../domain/app-error.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireActor } from "../auth/authorize-actor.ts";

/** Deletes one of the acting user's views; another user's view reads as missing. */
export async function deleteSavedView(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const deleted = await deleteSavedViewRow(deps.database.db, requireActor(deps, actor).id, id);
  if (!deleted) throw saidError("not_found", "no_saved_view", { id }, { detail: { id } });
}
