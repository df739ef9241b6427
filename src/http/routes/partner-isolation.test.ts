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
import { buildServer } from "../build-server.ts";

/**
 * Two partners, each assigned to one customer's tenant. The first must not
 * learn anything of the second's tenant: by id it is 404 exactly like a
 * tenant that does not exist, and no list, filter, search, report or export
 * shows a trace of it (its name, domain, note text or seats).
 */
describe("a partner sees only its assigned tenants", () => {
  let database: TestDatabase;
  let server: FastifyInstance;
  let headers: { authorization: string };
  let own: { customerId: string; tenantId: string; entitlementId: string };
  let other: { customerId: string; tenantId: string; entitlementId: string };

  const blocked = (note: string, seats: number) => ({
    seats,
    l1: "blocked",
    scenarioId: "blocked_delivery",
    l2: "app_compatibility",
    targetDate: "2025-04-15",
    owner: "Account Team",
    note,
    nextActionDate: "2025-03-01",
    nextAction: "Call the vendor",
  });

  beforeAll(async () => {
    database = await openTestDatabase();
    const deps = await makeTestDeps(database);
    server = await buildServer(deps, { webRoot: "/nonexistent" });
    const partner = await createUser(database.db, { role: "partner" });
    const rival = await createUser(database.db, { role: "partner" });
    headers = await bearerFor(deps, partner);

    const alpina = await createCustomer(database.db, { name: "Alpina Retail", externalId: "TP-ALPINA" });
    const alpinaTenant = await createTenant(database.db, {
      customerId: alpina.id,
      name: "Alpina EU",
      domain: "alpina.example",
    });
    const alpinaTeams = await createEntitlement(database.db, {
      tenantId: alpinaTenant.id,
      serviceId: "teams",
      stage: "delivery",
      segments: [blocked("Blocked: Alpina's kiosks cannot run the client; clears with new kiosks.", 700)],
    });
    await assign(database.db, partner.id, { tenantId: alpinaTenant.id });
    own = { customerId: alpina.id, tenantId: alpinaTenant.id, entitlementId: alpinaTeams.id };

    const borealis = await createCustomer(database.db, { name: "Borealis Foods", externalId: "TP-BOREALIS" });
    const borealisTenant = await createTenant(database.db, {
      customerId: borealis.id,
      name: "Borealis Secret Lab",
      domain: "borealis-lab.example",
    });
    const borealisTeams = await createEntitlement(database.db, {
      tenantId: borealisTenant.id,
      serviceId: "teams",
      stage: "delivery",
      segments: [blocked("Blocked: Borealis merger under embargo; clears after the announcement.", 4321)],
    });
    await assign(database.db, rival.id, { customerId: borealis.id });
    other = { customerId: borealis.id, tenantId: borealisTenant.id, entitlementId: borealisTeams.id };
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const leaks = (body: string) => /borealis|4321|embargo/i.test(body);
  const get = async (url: string) => {
    const response = await server.inject({ method: "GET", url, headers });
    expect(leaks(response.body), `${url} leaks: ${response.body}`).toBe(false);
    return response;
  };

  it("answers the other partner's tenant, customer and entitlement by id with 404, as if absent", async () => {
    const missing = "00000000-0000-4000-8000-00000000beef";
    const pairs = [
      [`/api/entitlements/${other.entitlementId}`, `/api/entitlements/${missing}`],
      [`/api/entitlements/${other.entitlementId}/history`, `/api/entitlements/${missing}/history`],
      [`/api/tenants/${other.tenantId}`, `/api/tenants/${missing}`],
      [`/api/customers/${other.customerId}`, `/api/customers/${missing}`],
    ] as const;
    for (const [hidden, absent] of pairs) {
      const a = (await get(hidden)).json();
      const b = (await server.inject({ method: "GET", url: absent, headers })).json();
      expect(a.status, hidden).toBe(404);
      const strip = (problem: Record<string, unknown>, id: string) =>
        JSON.stringify(problem).replaceAll(id, "<id>");
      const hiddenId = hidden.split("/")[3]!;
      expect(strip(a, hiddenId)).toBe(strip(b, missing));
    }
  });

  it("answers writes to it with 404 and changes nothing", async () => {
    const put = await server.inject({
      method: "PUT",
      url: `/api/entitlements/${other.entitlementId}/status`,
      headers,
      payload: {
        version: 1,
        segments: [{ seats: 4321, l1: "status_unknown", l2: "customer_unresponsive", note: "x" }],
      },
    });
    expect(put.statusCode).toBe(404);
    expect(leaks(put.body)).toBe(false);
    const bulk = await server.inject({
      method: "POST",
      url: "/api/bulk/status",
      headers,
      payload: {
        items: [
          {
            entitlementId: other.entitlementId,
            version: 1,
            segments: [{ seats: 4321, l1: "status_unknown" }],
          },
        ],
      },
    });
    expect(bulk.json().results[0]).toMatchObject({ ok: false, code: "not_found" });
    const assignSelf = await server.inject({
      method: "POST",
      url: "/api/assignments",
      headers,
      payload: { userId: "00000000-0000-4000-8000-000000000001", tenantId: other.tenantId },
    });
    expect(assignSelf.statusCode).toBe(404);
    const { rows } = await database.execute("select version from entitlements where id = $1", [
      other.entitlementId,
    ]);
    expect(rows[0]?.version).toBe(1);
  });

  it("shows nothing of it through list filters and text search", async () => {
    const urls = [
      "/api/entitlements",
      `/api/entitlements?tenantId=${other.tenantId}`,
      `/api/entitlements?customerId=${other.customerId}`,
      "/api/entitlements?q=borealis",
      "/api/entitlements?q=embargo",
      "/api/entitlements?l1=blocked&l2=app_compatibility&owner=Account%20Team",
      "/api/entitlements?sort=blocked_seats",
      "/api/tenants",
      "/api/tenants?q=lab",
      `/api/tenants?customerId=${other.customerId}`,
      "/api/customers",
      "/api/customers?q=TP-BOREALIS",
      "/api/assignments",
      `/api/assignments?customerId=${other.customerId}`,
    ];
    for (const url of urls) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
    }
    const mine = (await get("/api/entitlements")).json().items.map((item: { id: string }) => item.id);
    expect(mine).toEqual([own.entitlementId]);
    const customers = (await get("/api/customers")).json().items;
    expect(customers).toEqual([expect.objectContaining({ id: own.customerId, tenantCount: 1 })]);
  });

  it("counts only its own tenants in reports", async () => {
    const byL2 = (await get("/api/reports/blocked-by-l2-service")).json().items;
    expect(byL2).toEqual([expect.objectContaining({ l2: "app_compatibility", seats: 700, tenants: 1 })]);
    expect(
      (await get(`/api/reports/blocked-by-l2-service?customerId=${other.customerId}`)).json().items,
    ).toEqual([]);
    for (const report of [
      "blocked-by-l3",
      "aging",
      "projected-unblocks",
      "blocked-over-time",
      "overdue-next-actions",
    ]) {
      expect((await get(`/api/reports/${report}`)).statusCode, report).toBe(200);
    }
    const overdue = (await get("/api/reports/overdue-next-actions")).json().items;
    expect(overdue.map((row: { tenantId: string }) => row.tenantId)).toEqual([own.tenantId]);
  });

  it("exports only its own tenants", async () => {
    const csv = await get("/api/export.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("alpina.example");
    const json = await get(`/api/export.json?customerId=${other.customerId}`);
    expect(JSON.parse(json.body)).toEqual([]);
  });
});
