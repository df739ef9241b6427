/**
 * Coalesces work that arrives together into batches, the scheduling behind
 * the status write's group commit and its batched read. An item waits for the
 * event loop's current turn (setImmediate), so items of requests that arrived
 * together go in one batch; while `batches` batches are running, new items
 * queue and go together in the next. A lone item is not held back beyond that
 * turn, so batching only happens when the database is busy anyway.
 */
export class BatchQueue<Item> {
  private pending: Item[] = [];
  private running = 0;
  private scheduled = false;
  /** Callers of idle() waiting for the queue to empty. */
  private waiting: (() => void)[] = [];

  constructor(
    private readonly options: {
      /** Batches running at once. */
      batches: number;
      perBatch: number;
      /** Runs one batch; it settles each item itself and must not throw. */
      run: (batch: Item[]) => Promise<void>;
      /** Whether an item may join this batch now; one that may not waits for a later batch. */
      admits?: (item: Item, batch: readonly Item[]) => boolean;
    },
  ) {}

  push(item: Item): void {
    this.pending.push(item);
    this.schedule();
  }

  /**
   * Resolves once nothing is queued or running: a draining shutdown waits
   * here so that every item accepted before it has been written and settled.
   */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private isIdle(): boolean {
    return this.pending.length === 0 && this.running === 0 && !this.scheduled;
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.options.batches || this.pending.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.runNext();
    });
  }

  private async runNext(): Promise<void> {
    const batch: Item[] = [];
    const rest: Item[] = [];
    const { perBatch, admits } = this.options;
    for (const item of this.pending) {
      if (batch.length < perBatch && (admits?.(item, batch) ?? true)) batch.push(item);
      else rest.push(item);
    }
    this.pending = rest;
    if (batch.length === 0) {
      this.settleIdle();
      return;
    }
    this.running += 1;
    try {
      await this.options.run(batch);
    } finally {
      this.running -= 1;
      this.schedule();
      this.settleIdle();
    }
  }

  private settleIdle(): void {
    if (!this.isIdle() || this.waiting.length === 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
