import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeDemoStatuses } from "../../db/repositories/demo-status-repository.ts";
import { formatFeedRowError } from "../../domain/feed/feed-row-error.ts";
import type { AppDeps } from "../app-deps.ts";
import { systemActor } from "../auth/system-actor.ts";
import { syncPortfolio } from "../feed/sync-portfolio.ts";
import { writeDemoFeed } from "./demo-feed.ts";
import type { DemoUser } from "./demo-users.ts";
import { generatePortfolio, type PortfolioOptions } from "./generate-portfolio.ts";

export interface FeedSeedCounts {
  customers: number;
  tenants: number;
  entitlements: number;
  segments: number;
  historyRows: number;
}

/**
 * The demo portfolio the way a real one arrives: the generated customers,
 * tenants, entitlements, people and usage are written as a feed and synced
 * (syncPortfolio, as the system); then the generated statuses and their
 * history are written onto what the sync made.
 */
export async function seedThroughFeed(
  deps: AppDeps,
  options: PortfolioOptions,
  usersById: ReadonlyMap<string, DemoUser>,
): Promise<FeedSeedCounts> {
  const batches = [...generatePortfolio(options)];
  const folder = await mkdtemp(join(tmpdir(), "unblock-demo-feed-"));
  try {
    await writeDemoFeed(folder, batches, { today: options.today, usersById });
    const outcome = await syncPortfolio(deps, {
      folder,
      actor: systemActor,
      dryRun: false,
      full: false,
      partial: false,
      allowMassEnd: false,
    });
    if (!outcome.applied) {
      const first = outcome.report.rejected[0];
      throw new Error(
        `The demo feed was refused: ${outcome.refusal ?? ""}${first ? ` First: ${formatFeedRowError(first)}` : ""}`,
      );
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  await writeDemoStatuses(deps.database, batches);
  const count = (key: "customers" | "tenants" | "entitlements" | "segments" | "history") =>
    batches.reduce((sum, batch) => sum + batch[key].length, 0);
  return {
    customers: count("customers"),
    tenants: count("tenants"),
    entitlements: count("entitlements"),
    segments: count("segments"),
    historyRows: count("history"),
  };
}
