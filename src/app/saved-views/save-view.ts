import type { Db } from "../../db/client.ts";
import {
  countSavedViews,
  hasSavedViewNamed,
  upsertSavedView,
} from "../../db/repositories/saved-view-repository.ts";
import { type SaidViolation, saidError, saidViolation } from "../../domain/app-error.ts";
import type { SavedView } from "../../http/schemas/saved-views.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireActor } from "../auth/authorize-actor.ts";

export const savedViewLimits = { nameLength: 80, queryLength: 2000, perUser: 100 } as const;

export interface SaveViewInput {
  name: string;
  /** The portfolio query string; a leading "?" is dropped. */
  query: string;
}

/**
 * Saves a named portfolio view for the acting user, replacing the user's view
 * of the same name (names compare without case). Views are the user's own:
 * nobody else reads or changes them, so no role decides and no audit row is
 * written (they change no customer data).
 */
export async function saveView(deps: AppDeps, actor: Actor, input: SaveViewInput): Promise<SavedView> {
  requireActor(deps, actor);
  const name = input.name.trim();
  const query = input.query.trim().replace(/^\?/, "");
  const violations: SaidViolation[] = [];
  if (name.length === 0) violations.push(saidViolation("name", "required", "view_name_required"));
  if (name.length > savedViewLimits.nameLength)
    violations.push(
      saidViolation("name", "too_long", "view_name_too_long", { max: savedViewLimits.nameLength }),
    );
  if (query.length > savedViewLimits.queryLength)
    violations.push(
      saidViolation("query", "too_long", "view_query_too_long", { max: savedViewLimits.queryLength }),
    );
  if (violations.length > 0) throw saidError("validation_failed", "view_not_saved", {}, { violations });

  return deps.database.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const replacing = await hasSavedViewNamed(tx, actor.id, name);
    if (!replacing && (await countSavedViews(tx, actor.id)) >= savedViewLimits.perUser) {
      throw saidError(
        "validation_failed",
        "view_not_saved",
        {},
        {
          violations: [
            saidViolation("name", "too_many_views", "view_too_many", { max: savedViewLimits.perUser }),
          ],
        },
      );
    }
    return upsertSavedView(tx, { userId: actor.id, name, query, at: deps.now() });
  });
}
