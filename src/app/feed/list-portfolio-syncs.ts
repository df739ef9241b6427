import { listSyncs } from "../../db/repositories/portfolio-sync-job-repository.ts";
import { syncInLanguage } from "../../domain/feed/feed-row-error.ts";
import type { PortfolioSync } from "../../http/schemas/feed.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireAllowed } from "../auth/authorize-actor.ts";
import { liveSync } from "./sync-job-slot.ts";

/** The latest syncs, newest first (Admin only): uploads and CLI syncs, dry runs and refused ones. */
export async function listPortfolioSyncs(
  deps: AppDeps,
  actor: Actor,
  input: { limit: number },
): Promise<PortfolioSync[]> {
  requireAllowed(deps, actor, { type: "portfolio.sync" });
  const stored = await listSyncs(deps.database, input.limit);
  return stored.map((sync) => syncInLanguage(liveSync(deps, sync.id) ?? sync, actor.language));
}
