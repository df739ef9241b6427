import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entitlementQuery } from "../../../test/factories/entitlement-query.ts";
import { createCustomer, createEntitlement, createTenant } from "../../../test/factories/portfolio.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../client.ts";
import { keysetPage } from "../infra/keyset-page.ts";
import {
  entitlementListSource,
  entitlementSortKeys,
  likePattern,
} from "../repositories/entitlement-list-repository.ts";
import { readTextMatchIds } from "./text-matches.ts";

const query = entitlementQuery({ q: "larkspur", limit: 3 });

describe(readTextMatchIds.name, () => {
  let database: Database;
  const by: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase();
    const db = database.db;
    const named = await createCustomer(db, { name: "Larkspur Agritech" });
    const numbered = await createCustomer(db, { externalId: "TP-LARKSPUR-9" });
    const other = await createCustomer(db, { name: "Fabrikam" });
    const namedTenant = await createTenant(db, { customerId: named.id, name: "Main" });
    const numberedTenant = await createTenant(db, { customerId: numbered.id });
    const tenantByName = await createTenant(db, { customerId: other.id, name: "Larkspur site" });
    const tenantByDomain = await createTenant(db, { customerId: other.id, domain: "larkspur.example" });
    const plain = await createTenant(db, { customerId: other.id });
    const at = (minute: number) => new Date(Date.UTC(2025, 1, 1, 8, minute));
    by.customerName = (await createEntitlement(db, { tenantId: namedTenant.id, updatedAt: at(1) })).id;
    by.customerName2 = (
      await createEntitlement(db, { tenantId: namedTenant.id, serviceId: "teams", updatedAt: at(2) })
    ).id;
    by.externalId = (await createEntitlement(db, { tenantId: numberedTenant.id, updatedAt: at(3) })).id;
    by.tenantName = (await createEntitlement(db, { tenantId: tenantByName.id, updatedAt: at(4) })).id;
    by.domain = (await createEntitlement(db, { tenantId: tenantByDomain.id, updatedAt: at(5) })).id;
    by.note = (
      await createEntitlement(db, {
        tenantId: plain.id,
        updatedAt: at(6),
        segments: [{ seats: 10, l1: "blocked", note: "Waiting on the LARKSPUR proxy change" }],
      })
    ).id;
    await createEntitlement(db, {
      tenantId: plain.id,
      serviceId: "teams",
      updatedAt: at(7),
      segments: [{ seats: 10, l1: "in_progress", note: "Nothing to see" }],
    });
  });
  afterAll(() => database.close());

  it("finds entitlements by customer name and id, tenant name and domain, and note, once each", async () => {
    const ids = await readTextMatchIds(database.db, likePattern("larkspur"));
    expect(ids?.slice().sort()).toEqual(Object.values(by).sort());
  });

  it("gives up past its limit, so the list keeps the subquery", async () => {
    expect(await readTextMatchIds(database.db, likePattern("larkspur"), 6)).toHaveLength(6);
    expect(await readTextMatchIds(database.db, likePattern("larkspur"), 5)).toBeNull();
  });

  it("pages the same rows whether the list names the ids or finds them by subquery", async () => {
    const ids = await readTextMatchIds(database.db, likePattern("larkspur"));
    const pagesOf = async (textIds: string[] | null) => {
      const pages: string[][] = [];
      let cursor: string | undefined;
      do {
        const page = await keysetPage(database.db, {
          scope: "text-matches-test",
          id: sql`e.id`,
          from: entitlementListSource(query, textIds),
          keys: entitlementSortKeys(query),
          order: query.order,
          cursor,
          limit: query.limit,
        });
        pages.push(page.ids);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return pages;
    };
    const named = await pagesOf(ids);
    expect(named.flat()).toEqual([
      by.note,
      by.domain,
      by.tenantName,
      by.externalId,
      by.customerName2,
      by.customerName,
    ]);
    expect(await pagesOf(null)).toEqual(named);
  });
});
