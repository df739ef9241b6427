import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign, bearerFor } from "../../../test/factories/access.ts";
import { createEntitlement, createTenant, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { buildServer } from "../build-server.ts";
import type { Problem } from "../schemas/common.ts";
import type { QualityAnswer } from "../schemas/quality.ts";

describe("GET /api/quality", () => {
  let database: TestDatabase;
  let server: FastifyInstance;
  let admin: { authorization: string };
  let partner: { authorization: string };
  let otherPartner: { authorization: string };
  let engineer: { authorization: string };
  let mine: string;
  let theirs: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    // 2025-03-10, the tests' clock.
    const deps = await makeTestDeps(database);
    server = await buildServer(deps, { webRoot: "/nonexistent" });
    const overdue = [{ seats: 10, l1: "in_progress", l2: "deploying", nextActionDate: "2025-03-01" }];
    const [tenantA, tenantB] = [await createTenant(database.db), await createTenant(database.db)];
    mine = (await createEntitlement(database.db, { tenantId: tenantA.id, segments: overdue })).id;
    theirs = (await createEntitlement(database.db, { tenantId: tenantB.id, segments: overdue })).id;
    const [a, b] = [
      await createUser(database.db, { role: "partner" }),
      await createUser(database.db, { role: "partner" }),
    ];
    await assign(database.db, a.id, { tenantId: tenantA.id });
    await assign(database.db, b.id, { tenantId: tenantB.id });
    partner = await bearerFor(deps, a);
    otherPartner = await bearerFor(deps, b);
    admin = await bearerFor(deps, await createUser(database.db, { role: "admin" }));
    engineer = await bearerFor(deps, await createUser(database.db, { role: "engineering" }));
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const get = (url: string, headers: object) =>
    server.inject({ method: "GET", url, headers: { ...headers } });
  const ids = (answer: QualityAnswer) => answer.items.map((item) => item.entitlementId);

  it("lists the items with counts by rule and by owner", async () => {
    const response = await get("/api/quality", admin);
    expect(response.statusCode).toBe(200);
    const answer = response.json<QualityAnswer>();
    expect(answer).toMatchObject({ today: "2025-03-10", total: 2, limit: 100, offset: 0, notesPending: 0 });
    expect(answer.counts.byRule.next_action_passed).toBe(2);
    expect(answer.counts.byOwner).toEqual([
      { kind: "none", userId: null, role: null, name: null, display: "No owner", count: 2 },
    ]);
    expect(answer.items[0]).toMatchObject({
      rule: "next_action_passed",
      label: "Next action date passed",
      date: "2025-03-01",
      detail: "The next action was due 1 Mar 2025, 9 days ago: do it, or set the next one.",
      service: { id: "exchange", name: "Exchange" },
      segment: { l1: "in_progress", l2: "deploying", seats: 10 },
    });
    expect(answer.items[0]!.link).toBe(
      `/tenants/${answer.items[0]!.tenant.id}?edit=${answer.items[0]!.entitlementId}`,
    );
  });

  it("shows a Partner its own tenants' items only, and the other Partner theirs", async () => {
    const a = (await get("/api/quality", partner)).json<QualityAnswer>();
    const b = (await get("/api/quality", otherPartner)).json<QualityAnswer>();
    expect(ids(a)).toEqual([mine]);
    expect(ids(b)).toEqual([theirs]);
    expect((await get("/api/quality?owner=me", partner)).json<QualityAnswer>().total).toBe(1);
  });

  it("refuses Engineering, which sees totals only, and a request without sign-in", async () => {
    const refused = await get("/api/quality", engineer);
    expect(refused.statusCode).toBe(403);
    expect((await get("/api/quality", {})).statusCode).toBe(401);
  });

  it("answers 400 naming the parameter for a filter of the wrong shape, 422 for one naming nothing", async () => {
    for (const query of ["rule=made_up", "owner=somebody", "limit=0", "offset=-1", "colour=red"]) {
      const bad = await get(`/api/quality?${query}`, admin);
      expect(bad.statusCode, query).toBe(400);
      expect(bad.headers["content-type"]).toContain("application/problem+json");
      expect(JSON.stringify(bad.json()), query).toContain(query.split("=")[0]);
    }
    const team = await get("/api/quality?team=Wizards", admin);
    expect(team.statusCode).toBe(422);
    expect(team.json<Problem>().errors).toEqual([
      { field: "team", code: "team_unknown", message: expect.stringContaining("Wizards") },
    ]);
    const owner = await get("/api/quality?owner=00000000-0000-4000-8000-000000000000", admin);
    expect(owner.statusCode).toBe(422);
    expect(owner.json<Problem>().errors?.[0]).toMatchObject({ field: "owner", code: "owner_unknown" });
  });

  it("filters by rule and by team, and pages", async () => {
    const none = (await get("/api/quality?rule=note_grade", admin)).json<QualityAnswer>();
    expect(none.total).toBe(0);
    expect(none.counts.byRule.next_action_passed).toBe(2);
    expect((await get("/api/quality?team=Account%20Team", admin)).json<QualityAnswer>().total).toBe(0);
    const second = (await get("/api/quality?limit=1&offset=1", admin)).json<QualityAnswer>();
    expect(second.items).toHaveLength(1);
    expect(second.total).toBe(2);
  });
});
