import { sql } from "drizzle-orm";
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

/**
 * The dashboard's "my portfolio" (mine=true), its recent-changes feed and the
 * aging chart's click-through (days in the L1). Two customers: Fabrikam's
 * Teams is Blocked on 10 March by the Delivery FM assigned to Fabrikam;
 * Contoso's Exchange on 20 March by the Admin, and a Team Lead assigned
 * nowhere owns that segment. The clock then stands at 24 March.
 */
describe("my portfolio, recent changes and days in the L1", () => {
  let database: TestDatabase;
  let server: FastifyInstance;
  const as: Record<string, { authorization: string }> = {};
  let teamsId: string;
  let exchangeId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    const deps = await makeTestDeps(database);
    server = await buildServer(deps, { webRoot: "/nonexistent" });
    const fm = await createUser(database.db, { role: "delivery_fm", name: "Dana Delivery" });
    const admin = await createUser(database.db, { role: "admin", name: "Ada Admin" });
    const lead = await createUser(database.db, { role: "team_lead" });
    const engineering = await createUser(database.db, { role: "engineering" });
    const fabrikam = await createCustomer(database.db, { name: "Fabrikam" });
    const contoso = await createCustomer(database.db, { name: "Contoso" });
    await assign(database.db, fm.id, { customerId: fabrikam.id });
    await assign(database.db, admin.id, { customerId: fabrikam.id });
    for (const [name, user] of Object.entries({ fm, admin, lead, engineering })) {
      as[name] = await bearerFor(deps, user);
    }
    const fabrikamEu = await createTenant(database.db, { customerId: fabrikam.id, name: "Fabrikam EU" });
    const contosoUs = await createTenant(database.db, { customerId: contoso.id, name: "Contoso US" });
    const unknown = { seats: 0, l1: "status_unknown" };
    teamsId = (
      await createEntitlement(database.db, {
        tenantId: fabrikamEu.id,
        serviceId: "teams",
        stage: "delivery",
        segments: [{ ...unknown, seats: 300 }],
      })
    ).id;
    exchangeId = (
      await createEntitlement(database.db, {
        tenantId: contosoUs.id,
        serviceId: "exchange",
        stage: "delivery",
        segments: [{ ...unknown, seats: 120 }],
      })
    ).id;
    const block = (entitlementId: string, seats: number, l2: string, actor: typeof fm) =>
      setStatus(deps, {
        entitlementId,
        version: 1,
        segments: [
          {
            seats,
            l1: "blocked",
            l2,
            targetDate: "2025-04-30",
            engagementScenario: "customer_led",
            note: "Blocked: the reason is recorded here; clears when it is fixed.",
          },
        ],
        actor,
        source: "api",
      });
    await block(teamsId, 300, "app_compatibility", fm);
    deps.setNow(new Date("2025-03-20T10:00:00Z"));
    await block(exchangeId, 120, "billing_licensing_subscription", admin);
    await database.db.execute(
      sql`update status_segments set owner_user_id = ${lead.id}::uuid where entitlement_id = ${exchangeId}::uuid`,
    );
    deps.setNow(new Date("2025-03-24T10:00:00Z"));
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const get = (who: string, url: string) => server.inject({ method: "GET", headers: as[who], url });
  const ok = async (who: string, url: string) => {
    const response = await get(who, url);
    expect(response.statusCode, `${who} ${url}: ${response.body}`).toBe(200);
    return response.json();
  };
  const seatsBy = async (who: string, url: string) =>
    (await ok(who, url)).items.map((row: { serviceId: string; seats: number }) => [row.serviceId, row.seats]);

  it("scopes the reports to the tenants one is assigned to", async () => {
    expect(await seatsBy("admin", "/api/reports/blocked-by-l2-service")).toEqual([
      ["teams", 300],
      ["exchange", 120],
    ]);
    expect(await seatsBy("admin", "/api/reports/blocked-by-l2-service?mine=true")).toEqual([["teams", 300]]);
    await ok("admin", "/api/reports/dwell-times?mine=true");
    await ok("admin", "/api/reports/l1-flow?mine=true");
    const aging = await ok("admin", "/api/reports/aging?mine=true");
    expect(aging.items.reduce((sum: number, row: { seats: number }) => sum + row.seats, 0)).toBe(300);
  });

  it("lists and counts my portfolio's entitlements, as the charts' clicks open them", async () => {
    const ids = async (who: string, query: string) =>
      (await ok(who, `/api/entitlements?${query}`)).items.map((item: { id: string }) => item.id);
    expect((await ids("admin", "l1=blocked")).sort()).toEqual([teamsId, exchangeId].sort());
    expect(await ids("admin", "l1=blocked&mine=true")).toEqual([teamsId]);
    expect(await ids("lead", "mine=true")).toEqual([exchangeId]);
    expect(await ok("admin", "/api/entitlements/count?mine=true")).toEqual({ count: 1, exact: true });
  });

  it("counts a tenant whose segment one owns as one's own, and never widens a field role's reach", async () => {
    expect(await seatsBy("lead", "/api/reports/blocked-by-l2-service?mine=true")).toEqual([
      ["exchange", 120],
    ]);
    expect(await seatsBy("fm", "/api/reports/blocked-by-l2-service?mine=true")).toEqual([["teams", 300]]);
    const overdue = await ok("lead", "/api/reports/overdue-next-actions?mine=1");
    expect(overdue.items).toEqual([]);
  });

  it("lists the newest changes with who made them, within what the reader may see", async () => {
    const all = await ok("admin", "/api/reports/recent-changes");
    expect(all.items.map((item: { entitlementId: string }) => item.entitlementId)).toEqual([
      exchangeId,
      teamsId,
    ]);
    expect(all.items[0]).toMatchObject({
      customerName: "Contoso",
      tenantName: "Contoso US",
      serviceId: "exchange",
      actor: { name: "Ada Admin", role: "admin" },
      stageBefore: "delivery",
      stageAfter: "delivery",
      before: [{ l1: "status_unknown", seats: 120 }],
      after: [{ l1: "blocked", l2: "billing_licensing_subscription", l3: null, seats: 120 }],
    });
    expect(Date.parse(all.items[0].at)).toBe(Date.parse("2025-03-20T10:00:00Z"));

    const fm = await ok("fm", "/api/reports/recent-changes");
    expect(fm.items.map((item: { entitlementId: string }) => item.entitlementId)).toEqual([teamsId]);
    expect(fm.items[0].actor).toEqual({ name: "Dana Delivery", role: "delivery_fm" });
    const mine = await ok("admin", "/api/reports/recent-changes?mine=true&limit=5");
    expect(mine.items.map((item: { entitlementId: string }) => item.entitlementId)).toEqual([teamsId]);
  });

  it("gives aggregate-only readers no feed, and refuses a bad limit naming the field", async () => {
    const refused = await get("engineering", "/api/reports/recent-changes");
    expect(refused.statusCode).toBe(403);
    const bad = await get("admin", "/api/reports/recent-changes?limit=0");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("limit");
  });

  it("lists the entitlements of one aging bucket by days in the L1", async () => {
    const ids = async (query: string) =>
      (await ok("admin", `/api/entitlements?l1=blocked&${query}`)).items.map(
        (item: { id: string }) => item.id,
      );
    // As of 24 March: Teams Blocked 14 days, Exchange 4.
    expect((await ids("l1DaysMin=0&l1DaysMax=30")).sort()).toEqual([teamsId, exchangeId].sort());
    expect(await ids("l1DaysMin=10&l1DaysMax=30")).toEqual([teamsId]);
    expect(await ids("l1DaysMin=31&l1DaysMax=60")).toEqual([]);
    const count = await ok("admin", "/api/entitlements/count?l1=blocked&l1DaysMax=5");
    expect(count).toEqual({ count: 1, exact: true });
    const reversed = await get("admin", "/api/entitlements?l1DaysMin=9&l1DaysMax=2");
    expect(reversed.statusCode).toBe(422);
    expect(reversed.body).toContain("l1DaysMin");
  });
});
