import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entitlementQuery } from "../../../test/factories/entitlement-query.ts";
import { createCustomer, createEntitlement, createTenant } from "../../../test/factories/portfolio.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { everyTenant } from "../../domain/policy/tenant-scope.ts";
import {
  entitlementIdsOfTenant,
  findCustomer,
  pageCustomers,
  pageTenants,
  tenantIdsOfCustomer,
  tenantViews,
} from "./customer-repository.ts";
import { pageEntitlementIds } from "./entitlement-list-repository.ts";
import { blockedByL2AndService, overdueNextActions, type ReportScope } from "./report-repository.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

// What a full portfolio sync ended stays in the database, out of the default lists.
describe("ended customers, tenants and entitlements", () => {
  it("drop out of the lists, the tenant counts and the seat totals", async () => {
    const db = database.db;
    const customer = await createCustomer(db, { name: "Kept" });
    const gone = await createCustomer(db, { name: "Gone" });
    const open = await createTenant(db, { customerId: customer.id, name: "Open" });
    const ended = await createTenant(db, { customerId: customer.id, name: "Ended" });
    const live = await createEntitlement(db, {
      tenantId: open.id,
      serviceId: "exchange",
      availableSeats: 10,
    });
    const dropped = await createEntitlement(db, { tenantId: open.id, serviceId: "teams", availableSeats: 7 });
    const ofEnded = await createEntitlement(db, { tenantId: ended.id, serviceId: "exchange" });
    await database.execute("update customers set ended_at = now() where id = $1", [gone.id]);
    await database.execute("update tenants set ended_at = now() where id = $1", [ended.id]);
    await database.execute("update entitlements set ended_at = now() where id in ($1, $2)", [
      dropped.id,
      ofEnded.id,
    ]);

    const page = await pageEntitlementIds(db, entitlementQuery({ visibleTo: everyTenant }));
    expect(page.ids).toEqual([live.id]);
    const customers = await pageCustomers(db, { q: null, limit: 10, visibleTo: everyTenant });
    expect(customers.items.map((c) => [c.name, c.tenantCount])).toEqual([["Kept", 1]]);
    expect((await findCustomer(db, customer.id))?.tenantCount).toBe(1);
    const tenantsWith = (ended: "exclude" | "include" | "only") =>
      pageTenants(db, { customerId: null, ended, q: null, limit: 10, visibleTo: everyTenant });
    expect((await tenantsWith("exclude")).items.map((t) => t.name)).toEqual(["Open"]);
    // Kept, and found with the filter, marked as ended.
    const endedOnly = (await tenantsWith("only")).items;
    expect(endedOnly.map((t) => t.name)).toEqual(["Ended"]);
    expect(endedOnly[0]?.endedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await tenantsWith("include")).items.map((t) => t.name)).toEqual(["Ended", "Open"]);
    expect(await tenantIdsOfCustomer(db, customer.id, everyTenant)).toEqual([open.id]);
    const [view] = await tenantViews(db, [open.id]);
    expect([view?.entitlementCount, view?.availableSeats]).toEqual([1, 10]);
    expect(await entitlementIdsOfTenant(db, open.id)).toEqual([live.id]);
  });

  it("leave the reports, read from the segments or from the aggregates", async () => {
    const db = database.db;
    const tenant = await createTenant(db);
    const segment = { l1: "blocked", l2: "licensing", nextActionDate: "2025-03-01", nextAction: "Call" };
    const open = await createEntitlement(db, {
      tenantId: tenant.id,
      serviceId: "intune",
      segments: [{ seats: 5, ...segment }],
    });
    const ended = await createEntitlement(db, {
      tenantId: tenant.id,
      serviceId: "aip",
      segments: [{ seats: 9, ...segment }],
    });
    await database.execute("update entitlements set ended_at = now() where id = $1", [ended.id]);
    await database.execute("select unblock_rebuild_report_cells(current_date, false)");
    const scope: ReportScope = {
      serviceId: null,
      customerId: null,
      excludedL1s: [],
      today: "2025-03-10",
      visibleTo: everyTenant,
    };
    const overdue = await overdueNextActions(db, scope, { limit: 50 });
    expect(overdue.items.map((row) => row.entitlementId)).toEqual([open.id]);
    for (const useAggregates of [true, false]) {
      const rows = await blockedByL2AndService(db, { ...scope, useAggregates });
      expect(
        rows
          .filter((row) => ["intune", "aip"].includes(row.serviceId))
          .map((row) => [row.serviceId, row.seats]),
      ).toEqual([["intune", 5]]);
    }
  });
});
