import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { AppDeps } from "../../app/app-deps.ts";
import { seedDemo } from "../../app/demo/seed-demo.ts";
import { entitlementQueryOf, listEntitlements } from "../../app/entitlements/list-entitlements.ts";
import type { Database } from "../client.ts";
import type { EntitlementView } from "../sql/entitlement-view.ts";
import { streamEntitlementViews } from "./entitlement-export-repository.ts";

describe(streamEntitlementViews.name, () => {
  let database: Database;
  let deps: AppDeps;

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
    await seedDemo(deps, { tenants: 25, seed: 4, today: "2025-03-10" });
  }, 120_000);
  afterAll(() => database.close());

  async function streamed(filter: Parameters<typeof entitlementQueryOf>[1], batchSize: number) {
    const batches: EntitlementView[][] = [];
    const { limit: _, cursor: __, ...query } = entitlementQueryOf(deps, filter);
    await streamEntitlementViews(database.db, query, batchSize, async (views) => {
      batches.push(views);
    });
    return batches;
  }

  async function listed(filter: Parameters<typeof listEntitlements>[1]) {
    const items: EntitlementView[] = [];
    let cursor: string | undefined;
    do {
      const page = await listEntitlements(deps, { ...filter, limit: 500, cursor });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  it("yields exactly the list's entitlements, in its order, as the list shows them", async () => {
    for (const filter of [{ sort: "customer" as const }, { l1: "blocked", sort: "target_date" as const }]) {
      const batches = await streamed(filter, 7);
      expect(batches.length).toBeGreaterThan(2);
      expect(batches.flat()).toEqual(await listed(filter));
    }
  });

  it("hands over batches of at most the batch size", async () => {
    const batches = await streamed({ sort: "customer" }, 7);
    expect(batches.every((batch) => batch.length <= 7)).toBe(true);
    expect(batches.slice(0, -1).every((batch) => batch.length === 7)).toBe(true);
  });
});
