import { findSync } from "../../db/repositories/portfolio-sync-job-repository.ts";
import { saidError } from "../../domain/app-error.ts";
import { syncInLanguage } from "../../domain/feed/feed-row-error.ts";
import type { PortfolioSync } from "../../http/schemas/feed.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireAllowed } from "../auth/authorize-actor.ts";
import { liveSync } from "./sync-job-slot.ts";

/**
 * One sync's state (Admin only): while this server runs it, its live
 * progress; once done, its report.
 */
export async function getPortfolioSync(deps: AppDeps, actor: Actor, id: number): Promise<PortfolioSync> {
  requireAllowed(deps, actor, { type: "portfolio.sync" });
  const live = liveSync(deps, id);
  if (live) return syncInLanguage(live, actor.language);
  const stored = await findSync(deps.database, id);
  if (!stored) throw saidError("not_found", "no_portfolio_sync", { id: String(id) }, { detail: { id } });
  return syncInLanguage(stored, actor.language);
}
