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
import { setStatus } from "../../app/entitlements/set-status.ts";
import { buildServer } from "../build-server.ts";

// The clock starts at 2025-03-10 (a Monday). Two tenants of one customer get
// Blocked seats at known times, so every report has a hand-checked answer.
describe("report, portfolio and export routes", () => {
  let database: TestDatabase;
  let server: FastifyInstance;
  let customerId: string;
  let blockedTenantId: string;
  let overdue: { entitlementId: string; tenantId: string; serviceName: string };
  /** Signed in as the Delivery FM assigned to the customer. */
  let headers: { authorization: string };

  beforeAll(async () => {
    database = await openTestDatabase();
    const deps = await makeTestDeps(database);
    const fm = await createUser(database.db, { role: "delivery_fm" });
    server = await buildServer(deps, { webRoot: "/nonexistent" });
    customerId = (await createCustomer(database.db, { name: "Fabrikam" })).id;
    await assign(database.db, fm.id, { customerId });
    headers = await bearerFor(deps, fm);
    const tenantA = await createTenant(database.db, { customerId, name: "Fabrikam EU" });
    const tenantB = await createTenant(database.db, { customerId, name: "Fabrikam US" });
    blockedTenantId = tenantA.id;
    const inProgress = {
      l1: "in_progress",
      scenarioId: "in_progress_delivery",
      serviceStatus: "assess",
      engagementScenario: "customer_led",
      targetDate: "2025-06-30",
      note: "Deploying; assessing the network.",
    };
    const teams = await createEntitlement(database.db, {
      tenantId: tenantA.id,
      serviceId: "teams",
      stage: "delivery",
      segments: [{ seats: 300, ...inProgress }],
    });
    const exchange = await createEntitlement(database.db, {
      tenantId: tenantB.id,
      serviceId: "exchange",
      stage: "delivery",
      segments: [{ seats: 120, ...inProgress }],
    });
    const block = (
      entitlementId: string,
      seats: number,
      l2: string,
      targetDate: string,
      nextAction: { nextAction?: string; nextActionDate?: string } = {},
    ) =>
      setStatus(deps, {
        entitlementId,
        version: 1,
        segments: [
          {
            seats,
            l1: "blocked",
            l2,
            targetDate,
            note: "Blocked: the reason is recorded here; clears when it is fixed.",
            ...nextAction,
          },
        ],
        actor: fm,
        source: "api",
      });
    await block(teams.id, 300, "app_compatibility", "2025-04-02");
    deps.setNow(new Date("2025-03-20T10:00:00Z"));
    // Its next action falls due on the 21st: three days overdue from the 24th on.
    await block(exchange.id, 120, "billing_licensing_subscription", "2025-04-03", {
      nextAction: "Call the licensing desk",
      nextActionDate: "2025-03-21",
    });
    overdue = {
      entitlementId: exchange.id,
      tenantId: tenantB.id,
      serviceName: deps.playbook.index.service("exchange")!.name,
    };
    deps.setNow(new Date("2025-03-24T10:00:00Z"));
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const get = async (url: string) => {
    const response = await server.inject({ method: "GET", headers, url });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json();
  };

  it("counts Blocked seats by L2 and service", async () => {
    const { items } = await get("/api/reports/blocked-by-l2-service");
    expect(items).toEqual([
      expect.objectContaining({ l2: "app_compatibility", serviceId: "teams", seats: 300, tenants: 1 }),
      expect.objectContaining({
        l2: "billing_licensing_subscription",
        serviceId: "exchange",
        seats: 120,
        tenants: 1,
      }),
    ]);
  });

  it("narrows a report to one service", async () => {
    const { items } = await get("/api/reports/blocked-by-l2-service?serviceId=exchange");
    expect(items.map((row: { seats: number }) => row.seats)).toEqual([120]);
  });

  it("puts both projected unblocks in ISO week 14", async () => {
    const { items } = await get("/api/reports/projected-unblocks");
    expect(items).toEqual([
      expect.objectContaining({ week: "2025-W14", weekStart: "2025-03-31", seats: 420 }),
    ]);
  });

  it("rebuilds Blocked seats per week from the history", async () => {
    const { items } = await get("/api/reports/blocked-over-time?weeks=3");
    expect(items).toEqual([
      { weekStart: "2025-03-10", seats: 300, tenants: 1 },
      { weekStart: "2025-03-17", seats: 420, tenants: 2 },
      { weekStart: "2025-03-24", seats: 420, tenants: 2 },
    ]);
  });

  it("lists overdue next actions with the names of their customer, tenant and service", async () => {
    const body = await get("/api/reports/overdue-next-actions");
    expect(body.items).toEqual([
      {
        entitlementId: overdue.entitlementId,
        position: 0,
        customerId,
        customerName: "Fabrikam",
        tenantId: overdue.tenantId,
        tenantName: "Fabrikam US",
        serviceId: "exchange",
        serviceName: overdue.serviceName,
        l1: "blocked",
        l2: "billing_licensing_subscription",
        // The L2's default owner, filled in by the rules.
        owner: "Account Team",
        nextAction: "Call the licensing desk",
        nextActionDate: "2025-03-21",
        daysOverdue: 3,
        seats: 120,
      },
    ]);
    expect(body.nextCursor).toBeNull();
    expect((await get("/api/reports/overdue-next-actions?serviceId=teams")).items).toEqual([]);
  });

  it("refuses an overdue report cursor it did not give out, and a page past 1,000, naming the field", async () => {
    // A malformed query answers 400; a well-formed cursor the core cannot read, 422 as on the lists.
    for (const [query, status, field] of [
      ["cursor=bm90LWEtY3Vyc29y", 422, "cursor"],
      ["limit=1001", 400, "querystring.limit"],
    ] as const) {
      const response = await server.inject({
        method: "GET",
        headers,
        url: `/api/reports/overdue-next-actions?${query}`,
      });
      expect(response.statusCode, response.body).toBe(status);
      expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(response.json().errors[0].field).toBe(field);
      // A refused read is not a refused change: the title says request.
      expect(response.json().title).toBe(status === 422 ? "The request breaks a rule" : "Bad request");
    }
  });

  it("refuses a bad report filter with 400 naming it", async () => {
    const response = await server.inject({
      method: "GET",
      headers,
      url: "/api/reports/aging?customerId=nope",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe("querystring.customerId");
  });

  it("lists a customer's tenants with their blocked seats", async () => {
    const { items } = await get(`/api/tenants?customerId=${customerId}`);
    const byName = Object.fromEntries(
      items.map((t: { name: string; blockedSeats: number }) => [t.name, t.blockedSeats]),
    );
    expect(byName).toEqual({ "Fabrikam EU": 300, "Fabrikam US": 120 });
    const tenant = await get(`/api/tenants/${blockedTenantId}`);
    expect(tenant.entitlements.map((e: { service: { id: string } }) => e.service.id)).toEqual(["teams"]);
  });

  it("exports the filtered view as CSV in the import format", async () => {
    const response = await server.inject({
      method: "GET",
      headers,
      url: "/api/export.csv?l2=app_compatibility",
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/text\/csv/);
    const lines = response.body.trim().split("\n");
    expect(lines[0]).toMatch(/^customer,tenant,tenant_domain,tenant_id,service/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("app_compatibility");
  });

  it("refuses a bad export filter before streaming anything", async () => {
    const response = await server.inject({
      method: "GET",
      headers,
      url: "/api/export.csv?targetFrom=2025-02-30",
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].field).toBe("targetFrom");
  });
});
