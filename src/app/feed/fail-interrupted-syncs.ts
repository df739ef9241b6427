import { failInterruptedSyncs as failStored } from "../../db/repositories/portfolio-sync-job-repository.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireAllowed } from "../auth/authorize-actor.ts";

/**
 * At server start: a sync still queued or running was cut off by the server
 * stopping, and its transaction rolled back with it. Marks it failed, so it
 * is never shown running forever. Returns how many there were.
 */
export async function failInterruptedSyncs(deps: AppDeps, actor: Actor): Promise<number> {
  requireAllowed(deps, actor, { type: "portfolio.sync" });
  return failStored(
    deps.database,
    "The server stopped while this sync ran; nothing of it was written. Upload the files again.",
  );
}
