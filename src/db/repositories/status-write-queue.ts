import type { Db } from "../client.ts";
import type { StatusWrite } from "./entitlement-repository.ts";
import { writeStatuses } from "./status-write-statement.ts";

/**
 * Group commit for single status writes. Each write alone is one statement and
 * one commit, and a commit waits for a WAL flush; under load the database
 * spends most of a write on that wait and on the statement's fixed costs (the
 * statement triggers run once per statement, whatever its row count). So the
 * writes that arrive while a batch is being written queue up and go together
 * as the next batch: one statement, one commit. A lone write waits only for
 * the event loop's current turn (setImmediate); writes queue only while the
 * database is busy with earlier ones.
 *
 * Each write in a batch keeps its own outcome: writeStatuses's compare-and-set
 * is per entitlement, so a write judged against an old version writes nothing
 * while the rest land. When the batch statement fails as a whole (a deadlock
 * with another process, a constraint one write breaks), every write of it is
 * tried again alone, so one bad write cannot fail the others and its own
 * error reaches its own caller.
 */
export class StatusWriteQueue {
  private pending: QueuedWrite[] = [];
  /** Entitlements in a batch being written: a second write of one waits for the next batch. */
  private readonly writing = new Set<string>();
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly db: Db,
    private readonly limits: { batches: number; perBatch: number } = defaultLimits,
  ) {}

  /** Resolves true when the write landed, false when its entitlement was no longer at the version judged. */
  write(write: StatusWrite): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.limits.batches || this.pending.length === 0) return;
    this.scheduled = true;
    // One turn of the event loop lets the writes of requests that arrived together join one batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.takeBatch();
    if (batch.length === 0) return;
    this.inFlight += 1;
    try {
      await this.writeBatch(batch);
    } finally {
      for (const queued of batch) this.writing.delete(queued.write.locked.id);
      this.inFlight -= 1;
      this.schedule();
    }
  }

  /**
   * The oldest pending writes, one per entitlement and none of an entitlement
   * being written: two writes of one entitlement in one statement would both
   * be judged against the same version, and batches in flight together never
   * lock the same row, so they cannot deadlock each other.
   */
  private takeBatch(): QueuedWrite[] {
    const batch: QueuedWrite[] = [];
    const rest: QueuedWrite[] = [];
    for (const queued of this.pending) {
      const id = queued.write.locked.id;
      if (batch.length < this.limits.perBatch && !this.writing.has(id)) {
        this.writing.add(id);
        batch.push(queued);
      } else {
        rest.push(queued);
      }
    }
    this.pending = rest;
    // Row locks in id order, the order another process's batch takes them in too.
    return batch.sort((a, b) => (a.write.locked.id < b.write.locked.id ? -1 : 1));
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

const queues = new WeakMap<Db, StatusWriteQueue>();

/** The queue of one database handle (a transaction's handle gets its own). */
export function statusWriteQueueOf(db: Db): StatusWriteQueue {
  let queue = queues.get(db);
  if (!queue) {
    queue = new StatusWriteQueue(db);
    queues.set(db, queue);
  }
  return queue;
}
