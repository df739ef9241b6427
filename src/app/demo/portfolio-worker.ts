import { parentPort, workerData } from "node:worker_threads";
import { indexPlaybook } from "../../domain/playbook/playbook-index.ts";
import { type BatchPlan, batchesAhead, portfolioBatches, type WorkerMessage } from "./portfolio-batches.ts";

/**
 * Worker thread entry: generates the portfolio the plan describes and posts
 * it batch by batch, staying at most `batchesAhead` batches ahead of the
 * writer (it answers each batch written with "next").
 */
const plan = workerData as BatchPlan;
const port = parentPort!;
let credit = batchesAhead;
let waiting: (() => void) | null = null;
port.on("message", () => {
  credit += 1;
  waiting?.();
  waiting = null;
});

const post = (message: WorkerMessage) => port.postMessage(message);

try {
  const options = {
    index: indexPlaybook(plan.playbook),
    tenants: plan.tenants,
    seed: plan.seed,
    today: plan.today,
    usersByRole: new Map(plan.usersByRole),
    customersPerChunk: plan.customersPerChunk,
    part: plan.part,
  };
  for (const batch of portfolioBatches(options)) {
    while (credit === 0) {
      await new Promise<void>((resolve) => {
        waiting = resolve;
      });
    }
    credit -= 1;
    // The COPY bytes move to the writer's thread rather than being copied.
    port.postMessage(
      { type: "batch", batch } satisfies WorkerMessage,
      batch.copies.map((copy) => copy.data.buffer),
    );
  }
  post({ type: "done" });
} catch (error) {
  post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
}
port.close();
