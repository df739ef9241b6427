import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entitlementQuery } from "../../../test/factories/entitlement-query.ts";
import { loadGeneratedPortfolio } from "../../../test/factories/generated-portfolio.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import { everyTenant } from "../../domain/policy/tenant-scope.ts";
import type { EntitlementView } from "../../http/schemas/entitlements.ts";
import type { Database } from "../client.ts";
import { streamEntitlementViews } from "./entitlement-export-repository.ts";
import { type EntitlementQuery, pageEntitlementIds } from "./entitlement-list-repository.ts";
import { loadEntitlementViews } from "./entitlement-repository.ts";

describe(streamEntitlementViews.name, () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
    await loadGeneratedPortfolio(database, { tenants: 25, seed: 4, today: "2025-03-10" });
  }, 120_000);
  afterAll(() => database.close());

  const queryOf = (filter: Partial<EntitlementQuery>) =>
    entitlementQuery({ ...filter, visibleTo: everyTenant });

  async function streamed(filter: Partial<EntitlementQuery>, batchSize: number) {
    const batches: EntitlementView[][] = [];
    const { limit: _, cursor: __, ...query } = queryOf(filter);
    await streamEntitlementViews(database.db, query, batchSize, async (views) => {
      batches.push(views);
    });
    return batches;
  }

  /** The list's pages, one after the other, as the list shows them. */
  async function listed(filter: Partial<EntitlementQuery>) {
    const items: EntitlementView[] = [];
    let cursor: string | undefined;
    do {
      const page = await pageEntitlementIds(database.db, { ...queryOf(filter), limit: 500, cursor });
      items.push(...(await loadEntitlementViews(database.db, page.ids)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  it("yields exactly the list's entitlements, in its order, as the list shows them", async () => {
    for (const filter of [{ sort: "customer" as const }, { l1: ["blocked"], sort: "target_date" as const }]) {
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
