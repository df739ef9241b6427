import type { PortfolioSync, SyncProgressBody } from "../../http/schemas/feed.ts";
import { onePer } from "../../one-per.ts";
import type { AppDeps } from "../app-deps.ts";

/**
 * The one portfolio sync this server process runs at a time: claimed before
 * the upload is read, so a second upload is refused at once, and holding the
 * running sync's progress in memory (on the embedded database the sync's
 * transaction holds the only connection, so its progress cannot be read back).
 */
export interface SyncSlot {
  /** The sync being uploaded (null until its record exists), queued or running. */
  sync: PortfolioSync | null;
  /** Settles when the slot is free again. */
  done: Promise<void>;
  release: () => void;
}

const slotsOf = onePer((_database: AppDeps["database"]) => ({ current: null as SyncSlot | null }));

/** The slot in use, if any. */
export function currentSyncSlot(deps: AppDeps): SyncSlot | null {
  return slotsOf(deps.database).current;
}

/** Takes the slot, or returns null when a sync holds it. */
export function claimSyncSlot(deps: AppDeps): SyncSlot | null {
  const slots = slotsOf(deps.database);
  if (slots.current) return null;
  let resolve: () => void = () => undefined;
  const done = new Promise<void>((settle) => {
    resolve = settle;
  });
  const slot: SyncSlot = {
    sync: null,
    done,
    release: () => {
      if (slots.current === slot) slots.current = null;
      resolve();
    },
  };
  slots.current = slot;
  return slot;
}

/** The live view of a sync this process runs: its state and latest progress. */
export function liveSync(deps: AppDeps, id: number): PortfolioSync | null {
  const sync = currentSyncSlot(deps)?.sync;
  return sync && sync.id === id ? { ...sync } : null;
}

export function noteSyncProgress(slot: SyncSlot, progress: SyncProgressBody): void {
  if (slot.sync) slot.sync = { ...slot.sync, state: "running", progress };
}

/** Waits until no sync runs in this process (tests, a server stopping). */
export async function syncsSettled(deps: AppDeps): Promise<void> {
  for (let slot = currentSyncSlot(deps); slot; slot = currentSyncSlot(deps)) await slot.done;
}
