import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign, bearerFor } from "../../../test/factories/access.ts";
import { createEntitlement, createTenant, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { buildServer } from "../build-server.ts";
import type { MyWork } from "../schemas/my-work.ts";

describe("GET /api/my-work", () => {
  let database: TestDatabase;
  let server: FastifyInstance;
  let fm: { authorization: string };
  let tenantId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    // 2025-03-10, a Monday (the tests' clock).
    const deps = await makeTestDeps(database);
    server = await buildServer(deps, { webRoot: "/nonexistent" });
    const user = await createUser(database.db, { role: "delivery_fm" });
    const tenant = await createTenant(database.db);
    tenantId = tenant.id;
    await assign(database.db, user.id, { tenantId: tenant.id });
    await createEntitlement(database.db, {
      tenantId: tenant.id,
      segments: [{ seats: 10, l1: "in_progress", nextActionDate: "2025-03-14" }],
    });
    await createEntitlement(database.db, { segments: [{ seats: 10, l1: "in_progress" }] });
    fm = await bearerFor(deps, user);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const get = (url: string, headers: object = fm) =>
    server.inject({ method: "GET", url, headers: { ...headers } });

  it("answers the signed-in person's groups with their counts", async () => {
    const response = await get("/api/my-work");
    expect(response.statusCode).toBe(200);
    const work = response.json<MyWork>();
    expect(work).toMatchObject({
      today: "2025-03-10",
      weekEnds: "2025-03-16",
      timeZone: "UTC",
      assignments: 1,
    });
    expect(work.counts).toEqual({ overdue: 0, due_this_week: 1, blocked_past_target: 0, rest: 0, total: 1 });
    expect(work.groups.map((group) => group.id)).toEqual([
      "overdue",
      "due_this_week",
      "blocked_past_target",
      "rest",
    ]);
    expect(work.groups[1]!.items[0]).toMatchObject({
      group: "due_this_week",
      date: "2025-03-14",
      reason: "Next action is due 14 Mar 2025, in 4 days.",
      assigned: true,
      owner: false,
      entitlement: { tenant: { id: tenantId }, segments: [{ l1: "in_progress", seats: 10 }] },
    });
  });

  it("refuses a limit out of range naming the field, and a request without sign-in", async () => {
    const bad = await get("/api/my-work?limit=0");
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain("limit");
    expect((await get("/api/my-work?week=next")).statusCode).toBe(400);
    expect((await get("/api/my-work", {})).statusCode).toBe(401);
  });
});
