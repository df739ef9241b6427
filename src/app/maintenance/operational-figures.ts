import type { DatabaseStats } from "../../db/client.ts";
import { observeStatusWriteBatches, statusWriteQueueOf } from "../../db/infra/status-write-queue.ts";
import { countJobsByState, type JobState } from "../../db/repositories/job-repository.ts";
import type { AppDeps } from "../app-deps.ts";

/*
 * What an operator's monitoring reads (GET /metrics) and what a stopping
 * server waits for. No actor: /metrics is guarded by its own token or the
 * caller's address, and these figures name no tenant, user or change.
 */

/** Jobs in each state, the queue's depth. */
export function jobCountsByState(deps: AppDeps): Promise<Record<JobState, number>> {
  return countJobsByState(deps.database.db);
}

/** Statements sent, and a server's pool; undefined for a handle that keeps none. */
export function databaseFigures(deps: AppDeps): DatabaseStats | undefined {
  return deps.database.stats?.();
}

/** Calls `observe` with the size of every group-commit batch of status writes; returns the stop. */
export function watchStatusWriteBatches(observe: (size: number) => void): () => void {
  return observeStatusWriteBatches(observe);
}

/** Resolves once the status writes queued for group commit have all been written and answered. */
export function drainStatusWrites(deps: AppDeps): Promise<void> {
  return statusWriteQueueOf(deps.database.db).idle();
}
