import { rm } from "node:fs/promises";
import {
  findActiveSync,
  insertQueuedSync,
  markSyncFailed,
  markSyncRunning,
} from "../../db/repositories/portfolio-sync-job-repository.ts";
import { type AppError, isAppError, saidError } from "../../domain/app-error.ts";
import { errorText } from "../../domain/i18n/server-texts.ts";
import type { PortfolioSync, SyncOptions } from "../../http/schemas/feed.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireAllowed } from "../auth/authorize-actor.ts";
import { claimSyncSlot, currentSyncSlot, noteSyncProgress, type SyncSlot } from "./sync-job-slot.ts";
import { syncPortfolio } from "./sync-portfolio.ts";

/** Feed files received into a folder of their own, which the sync removes when it ends. */
export interface ReceivedFeed {
  folder: string;
  options: SyncOptions;
}

export interface StartPortfolioSyncInput {
  /**
   * Reads the upload into a fresh folder. Called once the actor may sync and
   * no other sync runs, so a refused upload is never read; when it throws it
   * leaves no folder behind.
   */
  receive: () => Promise<ReceivedFeed>;
}

/**
 * Starts a portfolio sync in the background (Admin only) and answers its
 * record, queued. One sync runs at a time: another queued or running one is
 * a conflict (409) carrying it. The job's record ends done with the report
 * (syncPortfolio writes it) or failed with the reason.
 */
export async function startPortfolioSync(
  deps: AppDeps,
  actor: Actor,
  input: StartPortfolioSyncInput,
): Promise<PortfolioSync> {
  requireAllowed(deps, actor, { type: "portfolio.sync" });
  const slot = claimSyncSlot(deps);
  if (!slot) throw busy(currentSyncSlot(deps)?.sync ?? null);
  let folder: string | null = null;
  try {
    const running = await findActiveSync(deps.database);
    if (running) throw busy(running);
    const received = await input.receive();
    folder = received.folder;
    slot.sync = await insertQueuedSync(deps.database, {
      ...received.options,
      at: deps.now().toISOString(),
      actorId: actor.id === "" ? null : actor.id,
      actorEmail: actor.email,
    });
  } catch (error) {
    slot.release();
    if (folder) await rm(folder, { recursive: true, force: true });
    throw error;
  }
  const queued = slot.sync;
  void runSync(deps, actor, slot, folder);
  return queued;
}

function busy(running: PortfolioSync | null): AppError {
  const detail = { detail: { rule: "sync_running", sync: running } };
  return running
    ? saidError(
        "conflict",
        "sync_running",
        { id: running.id, state: (language) => errorText.say(language, `state_${running.state}`) },
        detail,
      )
    : saidError("conflict", "sync_uploading", {}, detail);
}

async function runSync(deps: AppDeps, actor: Actor, slot: SyncSlot, folder: string): Promise<void> {
  const sync = slot.sync!;
  try {
    await markSyncRunning(deps.database, sync.id);
    slot.sync = { ...sync, state: "running" };
    await syncPortfolio(deps, {
      folder,
      actor,
      dryRun: sync.dryRun,
      full: sync.full,
      partial: sync.partial,
      allowMassEnd: sync.allowMassEnd,
      syncId: sync.id,
      onProgress: (progress) => noteSyncProgress(slot, progress),
    });
  } catch (error) {
    const reason = isAppError(error)
      ? error.message
      : `The sync stopped on an error and wrote nothing: ${(error as Error).message}`;
    await markSyncFailed(deps.database, sync.id, reason).catch(() => undefined);
  } finally {
    await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    slot.release();
  }
}
