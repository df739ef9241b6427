import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign, bearerFor } from "../../../test/factories/access.ts";
import { recordStatus } from "../../../test/factories/history-factory.ts";
import {
  createCustomer,
  createEntitlement,
  createTenant,
  createUser,
} from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { buildServer } from "../build-server.ts";

// Today is 2025-03-10. One entitlement: Blocked from 02-03, In Progress from 02-20.
describe("history report routes", () => {
  let database: TestDatabase;
  let server: FastifyInstance;
  let fm: { authorization: string };
  let engineer: { authorization: string };

  beforeAll(async () => {
    database = await openTestDatabase();
    const deps = await makeTestDeps(database);
    server = await buildServer(deps, { webRoot: "/nonexistent" });
    const customer = await createCustomer(database.db, { name: "Fabrikam" });
    const tenant = await createTenant(database.db, { customerId: customer.id, name: "Fabrikam EU" });
    const user = await createUser(database.db, { role: "delivery_fm" });
    await assign(database.db, user.id, { customerId: customer.id });
    fm = await bearerFor(deps, user);
    engineer = await bearerFor(deps, await createUser(database.db, { role: "engineering" }));
    const { id } = await createEntitlement(database.db, { tenantId: tenant.id, serviceId: "teams" });
    await recordStatus(database.db, id, "2025-02-03T10:00:00.000Z", [
      { seats: 300, l1: "blocked", l2: "app_compatibility", owner: "Ana" },
    ]);
    await recordStatus(database.db, id, "2025-02-20T10:00:00.000Z", [{ seats: 300, l1: "in_progress" }]);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const get = (url: string, headers = fm) => server.inject({ method: "GET", url, headers });

  it("lists the portfolio and reports as of a day", async () => {
    const list = await get("/api/entitlements?asOf=2025-02-10");
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((item: { segments: { l1: string }[] }) => item.segments[0]?.l1)).toEqual([
      "blocked",
    ]);
    expect((await get("/api/entitlements/count?asOf=2025-02-10&l1=blocked")).json()).toEqual({
      count: 1,
      exact: true,
    });
    const report = await get("/api/reports/blocked-by-l2-service?asOf=2025-02-10");
    expect(report.json().items).toEqual([expect.objectContaining({ l2: "app_compatibility", seats: 300 })]);
  });

  it("answers compare, dwell times, flow and the per-L2 weeks in their documented shapes", async () => {
    const compare = await get("/api/compare?from=2025-02-10&to=2025-03-10");
    expect(compare.statusCode).toBe(200);
    expect(compare.json().groups[0]).toMatchObject({
      owner: "Ana",
      serviceName: "Teams",
      unblockedSeats: 300,
    });
    const dwell = await get("/api/reports/dwell-times?from=2025-02-01&to=2025-03-10");
    expect(dwell.json().items[0]).toMatchObject({ l2: "app_compatibility", daysToUnblockMedian: 17 });
    const flow = await get("/api/reports/l1-flow?from=2025-02-10&to=2025-03-10");
    expect(flow.json().items).toEqual([
      expect.objectContaining({ fromL1: "blocked", toL1: "in_progress", seats: 300 }),
    ]);
    const weeks = await get("/api/reports/blocked-over-time-by-l2?weeks=6");
    expect(weeks.json().items).toEqual([
      expect.objectContaining({ weekStart: "2025-02-03", l2Name: "App Compatibility", seats: 300 }),
      expect.objectContaining({ weekStart: "2025-02-10", seats: 300 }),
    ]);
  });

  it("names the field and rule of a bad day, and refuses Engineering the change list", async () => {
    const future = await get("/api/reports/aging?asOf=2025-04-01");
    expect(future.statusCode).toBe(422);
    expect(future.json().errors).toEqual([
      expect.objectContaining({ field: "asOf", code: "date_in_future" }),
    ]);
    const missing = await get("/api/compare?from=2025-02-10");
    expect(missing.statusCode).toBe(400);
    expect((await get("/api/compare?from=2025-02-10&to=2025-03-10", engineer)).statusCode).toBe(403);
    expect((await get("/api/export.csv?asOf=2025-04-01")).statusCode).toBe(422);
  });

  it("exports the portfolio as of a day, as CSV and JSON Lines", async () => {
    const csv = await get("/api/export.csv?asOf=2025-02-10");
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split("\n")[1]).toMatch(/,teams,.*,300,blocked,app_compatibility,/);
    const lines = (await get("/api/export.jsonl?asOf=2025-02-10&l1=blocked")).body.trim().split("\n");
    expect(lines.map((line) => JSON.parse(line).segments[0].l1)).toEqual(["blocked"]);
    expect((await get("/api/export.jsonl?l1=blocked")).body).toBe("");
  });
});
