import { onePer } from "../../one-per.ts";
import type { Db } from "../client.ts";
import type { StatusWrite } from "../repositories/entitlement-repository.ts";
import { writeStatuses } from "../sql/status-write-statement.ts";
import { BatchQueue } from "./batch-queue.ts";

/**
 * Group commit for single status writes. Each write alone is one statement and
 * one commit, and a commit waits for a WAL flush; under load the database
 * spends most of a write on that wait and on the statement's fixed costs (the
 * statement triggers run once per statement, whatever its row count). So the
 * writes that arrive while a batch is being written queue up and go together
 * as the next batch (batch-queue.ts): one statement, one commit.
 *
 * Each write in a batch keeps its own outcome: writeStatuses's compare-and-set
 * is per entitlement, so a write judged against an old version writes nothing
 * while the rest land. When the batch statement fails as a whole (a deadlock
 * with another process, a constraint one write breaks), every write of it is
 * tried again alone, so one bad write cannot fail the others and its own
 * error reaches its own caller.
 */
export class StatusWriteQueue {
  /** Entitlements in a batch being written: a second write of one waits for a later batch. */
  private readonly writing = new Set<string>();
  private readonly queue: BatchQueue<QueuedWrite>;

  constructor(
    private readonly db: Db,
    limits: { batches: number; perBatch: number } = defaultLimits,
  ) {
    this.queue = new BatchQueue<QueuedWrite>({
      ...limits,
      // One write per entitlement in a batch, none of one being written: two writes of one entitlement
      // in one statement would both be judged against the same version, and batches in flight together
      // never lock the same row, so they cannot deadlock each other.
      admits: (queued, batch) => {
        const id = queued.write.locked.id;
        return !this.writing.has(id) && !batch.some((other) => other.write.locked.id === id);
      },
      run: async (batch) => {
        for (const observe of batchObservers) observe(batch.length);
        for (const queued of batch) this.writing.add(queued.write.locked.id);
        try {
          // Row locks in id order, the order another process's batch takes them in too.
          await this.writeBatch(batch.sort((a, b) => (a.write.locked.id < b.write.locked.id ? -1 : 1)));
        } finally {
          for (const queued of batch) this.writing.delete(queued.write.locked.id);
        }
      },
    });
  }

  /** Resolves true when the write landed, false when its entitlement was no longer at the version judged. */
  write(write: StatusWrite): Promise<boolean> {
    return new Promise((resolve, reject) => this.queue.push({ write, resolve, reject }));
  }

  /** Resolves once every write queued so far has been written and answered (a draining shutdown). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async writeBatch(batch: QueuedWrite[]): Promise<void> {
    let written: Set<string>;
    try {
      written = await writeStatuses(
        this.db,
        batch.map((queued) => queued.write),
      );
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // Which write broke the statement is unknown: each goes again alone.
      await Promise.all(batch.map((queued) => this.writeBatch([queued])));
      return;
    }
    for (const queued of batch) queued.resolve(written.has(queued.write.locked.id));
  }
}

interface QueuedWrite {
  write: StatusWrite;
  resolve: (written: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Two batches at once: while one waits for its commit's flush the next is
 * already being written. Up to 64 writes per statement keeps the JSON
 * parameters small and one slow batch from holding many requests.
 */
const defaultLimits = { batches: 2, perBatch: 64 };

/** The queue of one database handle (a transaction's handle gets its own). */
export const statusWriteQueueOf = onePer((db: Db) => new StatusWriteQueue(db));

/** Told the size of every batch any queue in this process writes (the metrics' histogram). */
const batchObservers = new Set<(size: number) => void>();

/** Calls `observe` with each batch's size from now on; returns the function that stops it. */
export function observeStatusWriteBatches(observe: (size: number) => void): () => void {
  batchObservers.add(observe);
  return () => batchObservers.delete(observe);
}
