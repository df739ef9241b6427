import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign, bearerFor } from "../../../test/factories/access.ts";
import {
  createCustomer,
  createEntitlement,
  createTenant,
  createUser,
} from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { smallCellTenants } from "../../domain/policy/small-cells.ts";
import { buildServer } from "../build-server.ts";

/**
 * Engineering (a product group) reads blocker totals across every tenant but
 * never a tenant's rows, and no cell drawn from fewer than five tenants.
 * Seven tenants are Blocked on Teams for App Compatibility (shown), two on
 * Exchange for Billing and one on Teams for Legal (both withheld).
 */
describe("Engineering reads aggregates only", () => {
  let database: TestDatabase;
  let server: FastifyInstance;
  let engineering: { authorization: string };
  let deliveryFm: { authorization: string };
  let customerId: string;
  let tenantId: string;
  let entitlementId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    const deps = await makeTestDeps(database);
    server = await buildServer(deps, { webRoot: "/nonexistent" });
    engineering = await bearerFor(deps, await createUser(database.db, { role: "engineering" }));
    const fm = await createUser(database.db, { role: "delivery_fm" });
    deliveryFm = await bearerFor(deps, fm);

    const customer = await createCustomer(database.db, { name: "Contoso" });
    customerId = customer.id;
    await assign(database.db, fm.id, { customerId });
    const blocked = (l2: string, seats: number) => ({
      seats,
      l1: "blocked",
      scenarioId: "blocked_delivery",
      l2,
      targetDate: "2025-04-15",
      note: "Blocked: recorded for the report test; clears when fixed.",
    });
    const cells: [string, string, number][] = [
      ...Array.from({ length: 7 }, () => ["teams", "app_compatibility", 100] as [string, string, number]),
      ["exchange", "billing_licensing_subscription", 40],
      ["exchange", "billing_licensing_subscription", 60],
      ["teams", "legal_regulatory", 25],
    ];
    for (const [index, [serviceId, l2, seats]] of cells.entries()) {
      const tenant = await createTenant(database.db, { customerId, name: `Contoso ${index}` });
      const entitlement = await createEntitlement(database.db, {
        tenantId: tenant.id,
        serviceId,
        stage: "delivery",
        segments: [blocked(l2, seats)],
      });
      tenantId = tenant.id;
      entitlementId = entitlement.id;
    }
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const get = (url: string, headers: { authorization: string }) =>
    server.inject({ method: "GET", url, headers });

  it("gets blocked seats by L2 across all tenants, without cells under five tenants", async () => {
    const response = await get("/api/reports/blocked-by-l2-service", engineering);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      items: [
        expect.objectContaining({ l2: "app_compatibility", serviceId: "teams", seats: 700, tenants: 7 }),
      ],
      suppressedCells: 2,
    });
  });

  it("never sees a cell under five tenants in any totals report", async () => {
    for (const report of [
      "blocked-by-l2-service",
      "blocked-by-l3",
      "aging",
      "projected-unblocks",
      "blocked-over-time",
    ]) {
      const response = await get(`/api/reports/${report}`, engineering);
      expect(response.statusCode, report).toBe(200);
      const tenants = response.json().items.map((row: { tenants: number }) => row.tenants);
      expect(
        tenants.every((count: number) => count >= smallCellTenants),
        `${report}: ${tenants}`,
      ).toBe(true);
    }
  });

  it("leaves the small cells to someone assigned to those tenants", async () => {
    const response = await get("/api/reports/blocked-by-l2-service", deliveryFm);
    expect(response.json().items.map((row: { seats: number }) => row.seats)).toEqual([700, 100, 25]);
    expect(response.json().suppressedCells).toBe(0);
  });

  it("gets 403 on any tenant's rows, saying it reads aggregates only", async () => {
    const urls = [
      `/api/entitlements/${entitlementId}`,
      `/api/entitlements/${entitlementId}/history`,
      `/api/tenants/${tenantId}`,
      `/api/customers/${customerId}`,
      "/api/entitlements",
      "/api/tenants",
      "/api/customers",
      "/api/export.csv",
      "/api/reports/overdue-next-actions",
      `/api/reports/blocked-by-l2-service?customerId=${customerId}`,
    ];
    for (const url of urls) {
      const response = await get(url, engineering);
      expect(response.statusCode, url).toBe(403);
      expect(response.json().detail, url).toMatch(/aggregate|never a single tenant|whole portfolio/);
    }
  });
});
