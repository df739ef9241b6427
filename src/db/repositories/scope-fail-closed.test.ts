import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entitlementQuery } from "../../../test/factories/entitlement-query.ts";
import { createEntitlement } from "../../../test/factories/portfolio.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import { everyTenant, type TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { Database } from "../client.ts";
import { pageCustomers, pageTenants, tenantIdsOfCustomer } from "./customer-repository.ts";
import { pageEntitlementIds } from "./entitlement-list-repository.ts";
import {
  blockedAging,
  blockedByL2AndService,
  blockedByL3,
  overdueNextActions,
  projectedUnblocks,
  type ReportScope,
} from "./report-repository.ts";

/**
 * Every scoped read of the repositories fails closed: a caller that forgets
 * the scope (a bug the types catch, unless something is cast) is shown
 * nothing, never the whole portfolio. Each read is run with every tenant first,
 * so an empty answer means the scope, not an empty table. (The weekly trend,
 * read from history, is covered by its own tests through the same condition.)
 */
const today = "2025-03-10";
const missing = undefined as unknown as TenantScope;

describe("scoped repository reads", () => {
  let database: Database;
  let customerId = "";

  beforeAll(async () => {
    database = await openTestDatabase();
    const entitlement = await createEntitlement(database.db, {
      segments: [
        {
          seats: 40,
          l1: "blocked",
          l2: "app_compatibility",
          targetDate: "2025-04-01",
          nextActionDate: "2025-03-01",
          nextAction: "Call the vendor",
          l1Since: "2025-01-06T00:00:00Z",
        },
      ],
    });
    const [row] = await database.db.query.tenants.findMany({
      where: (t, { eq }) => eq(t.id, entitlement.tenantId),
    });
    customerId = row!.customerId;
  });
  afterAll(() => database.close());

  const reportScope = (visibleTo: TenantScope): ReportScope => ({
    serviceId: null,
    customerId: null,
    excludedL1s: ["duplicate_invalid"],
    today,
    currentDay: today,
    visibleTo,
  });

  const reads: [string, (scope: TenantScope) => Promise<unknown[]>][] = [
    [
      "entitlement list",
      async (visibleTo) =>
        (await pageEntitlementIds(database.db, entitlementQuery({ today, visibleTo }))).ids,
    ],
    [
      "customers",
      async (visibleTo) => (await pageCustomers(database.db, { q: null, limit: 10, visibleTo })).items,
    ],
    [
      "tenants",
      async (visibleTo) =>
        (
          await pageTenants(database.db, {
            customerId: null,
            ended: "include",
            q: null,
            limit: 10,
            visibleTo,
          })
        ).items,
    ],
    ["a customer's tenants", (visibleTo) => tenantIdsOfCustomer(database.db, customerId, visibleTo)],
    ["blocked by L2 and service", (visibleTo) => blockedByL2AndService(database.db, reportScope(visibleTo))],
    ["blocked by L3", (visibleTo) => blockedByL3(database.db, reportScope(visibleTo))],
    ["aging", (visibleTo) => blockedAging(database.db, reportScope(visibleTo))],
    ["projected unblocks", (visibleTo) => projectedUnblocks(database.db, reportScope(visibleTo))],
    [
      "overdue next actions",
      async (visibleTo) =>
        (await overdueNextActions(database.db, reportScope(visibleTo), { limit: 10 })).items,
    ],
  ];

  it.each(reads)("%s: every tenant shows rows, a scope left out shows none", async (_name, read) => {
    expect((await read(everyTenant)).length).toBeGreaterThan(0);
    expect(await read(missing)).toEqual([]);
    expect(await read({ kind: "none" })).toEqual([]);
  });
});
