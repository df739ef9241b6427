import { describe, expect, it } from "vitest";
import { defaultIndex } from "../../../test/support/default-playbook.ts";
import type { PreparedBatch } from "../../db/repositories/portfolio-repository.ts";
import { portfolioBatches, portfolioBatchesInWorker } from "./portfolio-batches.ts";

const plan = {
  tenants: 40,
  seed: 5,
  today: "2025-03-10",
  usersByRole: [["admin", "00000000-0000-4000-8000-000000000001"]] as [string, string][],
  customersPerChunk: 4,
};

describe(portfolioBatchesInWorker.name, () => {
  it("yields on one or two worker threads exactly the batches generated in process", async () => {
    const index = defaultIndex();
    const local = [...portfolioBatches({ ...plan, index, usersByRole: new Map(plan.usersByRole) })];
    expect(local.length).toBeGreaterThan(2);
    expect(local.reduce((sum, batch) => sum + batch.counts.tenants, 0)).toBe(40);
    for (const workers of [1, 2]) {
      const remote: PreparedBatch[] = [];
      for await (const batch of portfolioBatchesInWorker({ ...plan, playbook: index.playbook }, workers))
        remote.push(batch);
      expect(remote).toEqual(local);
    }
  });

  it("reports a generator failure in the worker as an error", async () => {
    const index = defaultIndex();
    // A playbook without scenario rows cannot produce any status.
    const broken = { ...index.playbook, scenarios: [] };
    const run = async () => {
      for await (const _ of portfolioBatchesInWorker({ ...plan, playbook: broken }, 2)) {
        // drain
      }
    };
    await expect(run()).rejects.toThrow(/no scenario/);
  });
});
