import { Worker } from "node:worker_threads";
import {
  batchSize,
  emptyBatch,
  type PortfolioBatch,
  type PreparedBatch,
  prepareBatch,
} from "../../db/repositories/portfolio-writer.ts";
import type { Playbook } from "../../domain/playbook/playbook-schema.ts";
import type { IsoDate } from "../../domain/status-segment.ts";
import { generatePortfolio, type PortfolioOptions } from "./generate-portfolio.ts";

/** What generating a portfolio needs, as plain data that can be sent to a worker thread. */
export interface BatchPlan {
  playbook: Playbook;
  tenants: number;
  seed: number;
  today: IsoDate;
  usersByRole: [string, string][];
  /** Rows per write transaction. */
  rowsPerBatch: number;
}

/**
 * The generated portfolio in write-sized, serialised batches, on this thread.
 * Customers are never split across batches, so each batch is self-contained.
 */
export function* portfolioBatches(options: PortfolioOptions, rowsPerBatch: number): Generator<PreparedBatch> {
  let batch = emptyBatch();
  for (const customer of generatePortfolio(options)) {
    for (const key of Object.keys(batch) as (keyof PortfolioBatch)[]) {
      (batch[key] as unknown[]).push(...customer[key]);
    }
    if (batchSize(batch) >= rowsPerBatch) {
      yield prepareBatch(batch);
      batch = emptyBatch();
    }
  }
  if (batchSize(batch) > 0) yield prepareBatch(batch);
}

/** Batches the worker may generate ahead of the writer: enough to keep both busy, little memory. */
export const batchesAhead = 2;

export type WorkerMessage =
  | { type: "batch"; batch: PreparedBatch }
  | { type: "done" }
  | { type: "failed"; message: string };

/**
 * The same batches, generated on a worker thread while this thread writes:
 * on a machine with two cores a large seed takes about as long as its
 * inserts alone. The worker runs the TypeScript sources through tsx, as the
 * CLI does. Same plan, same batches as portfolioBatches.
 */
export async function* portfolioBatchesInWorker(plan: BatchPlan): AsyncGenerator<PreparedBatch> {
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

  try {
    for (;;) {
      const message = queue.shift();
      if (!message) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      if (message.type === "done") return;
      if (message.type === "failed") throw new Error(message.message);
      yield message.batch;
      // One batch written: the worker may make another.
      worker.postMessage("next");
    }
  } finally {
    await worker.terminate();
  }
}
