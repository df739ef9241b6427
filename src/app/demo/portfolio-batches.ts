import { Worker } from "node:worker_threads";
import {
  emptyBatch,
  type PortfolioBatch,
  type PreparedBatch,
  prepareBatch,
} from "../../db/repositories/portfolio-repository.ts";
import type { Playbook } from "../../domain/playbook/playbook-schema.ts";
import type { IsoDate } from "../../domain/status-segment.ts";
import { type PortfolioOptions, portfolioChunks } from "./generate-portfolio.ts";

/** What generating a portfolio needs, as plain data that can be sent to a worker thread. */
export interface BatchPlan {
  playbook: Playbook;
  tenants: number;
  seed: number;
  today: IsoDate;
  usersByRole: [string, string][];
  /** Customers per chunk, one chunk per write (default defaultCustomersPerChunk). */
  customersPerChunk?: number;
  /** Which chunks this worker makes (set by portfolioBatchesInWorker). */
  part?: { index: number; of: number };
}

/**
 * The generated portfolio in write-sized, serialised batches, on this thread:
 * one per chunk of customers (about 5,000 rows with the default chunk), each
 * self-contained.
 */
export function* portfolioBatches(options: PortfolioOptions): Generator<PreparedBatch> {
  for (const chunk of portfolioChunks(options)) {
    const batch = emptyBatch();
    for (const customer of chunk.customers) {
      for (const key of Object.keys(batch) as (keyof PortfolioBatch)[]) {
        (batch[key] as unknown[]).push(...customer[key]);
      }
    }
    yield prepareBatch(batch);
  }
}

/** Batches each worker may generate ahead of the writer: enough to keep them busy, little memory. */
export const batchesAhead = 2;

export type WorkerMessage =
  | { type: "batch"; batch: PreparedBatch }
  | { type: "done" }
  | { type: "failed"; message: string };

/**
 * The same batches, generated on `workers` worker threads while this thread
 * writes. Worker w makes chunks w, w + workers, ...; the batches are taken
 * from the workers in turn, so the order (and the portfolio) is the same
 * whatever the number of workers. The workers run the TypeScript sources
 * through tsx, as the CLI does.
 */
export async function* portfolioBatchesInWorker(plan: BatchPlan, workers = 1): AsyncGenerator<PreparedBatch> {
  const sources = Array.from({ length: workers }, (_, index) =>
    startWorker({ ...plan, part: { index, of: workers } }),
  );
  try {
    for (let chunk = 0; ; chunk += 1) {
      const source = sources[chunk % workers]!;
      const message = await source.next();
      if (message.type === "done") return;
      if (message.type === "failed") throw new Error(message.message);
      yield message.batch;
      // One batch written: that worker may make another.
      source.worker.postMessage("next");
    }
  } finally {
    await Promise.all(sources.map((source) => source.worker.terminate()));
  }
}

interface WorkerSource {
  worker: Worker;
  /** The worker's next message, in the order it sent them. */
  next(): Promise<WorkerMessage>;
}

function startWorker(plan: BatchPlan): WorkerSource {
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./portfolio-worker.ts", import.meta.url).href;
  const boot = `const { register } = await import(${JSON.stringify(tsxApi)}); register(); await import(${JSON.stringify(entry)});`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
    workerData: plan,
  });

  const queue: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on("message", (message: WorkerMessage) => {
    queue.push(message);
    notify();
  });
  worker.on("error", (error) => {
    failure = error;
    notify();
  });
  worker.on("exit", (code) => {
    if (code !== 0) failure ??= new Error(`The portfolio worker stopped with exit code ${code}`);
    notify();
  });

  return {
    worker,
    async next() {
      for (;;) {
        const message = queue.shift();
        if (message) return message;
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
  };
}
