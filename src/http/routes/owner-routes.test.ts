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
import type { Actor } from "../../app/app-deps.ts";
import { buildServer } from "../build-server.ts";
import { ownerChoicesSchema } from "../schemas/owners.ts";
import { reassignPlanSchema } from "../schemas/users.ts";

const blocked = {
  seats: 100,
  l1: "blocked",
  l2: "customer_it_infrastructure_remediation",
  engagementScenario: "customer_led",
  targetDate: "2025-06-30",
  note: "Blocked because the VPN devices cannot carry Exchange traffic.",
};

let database: TestDatabase;
let server: FastifyInstance;
let fm: Actor;
let outsider: Actor;
let fmHeaders: { authorization: string };
let leadHeaders: { authorization: string };
let entitlementId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const deps = await makeTestDeps(database);
  const db = database.db;
  fm = await createUser(db, { role: "delivery_fm", name: "Dee Delivery", email: "dee@x.test" });
  outsider = await createUser(db, { role: "delivery_fm", name: "Olu Outside", email: "olu@x.test" });
  const ana = await createUser(db, { role: "account_team", name: "Ana Lopez", email: "ana@x.test" });
  const lead = await createUser(db, { role: "team_lead" });
  const customer = await createCustomer(db);
  const tenant = await createTenant(db, { customerId: customer.id });
  await assign(db, fm.id, { customerId: customer.id });
  await assign(db, ana.id, { customerId: customer.id });
  entitlementId = (
    await createEntitlement(db, { tenantId: tenant.id, stage: "delivery", availableSeats: 100 })
  ).id;
  fmHeaders = await bearerFor(deps, fm);
  leadHeaders = await bearerFor(deps, lead);
  server = await buildServer(deps, { webRoot: "/nonexistent" });
});
afterAll(async () => {
  await server.close();
  await database.close();
});

describe("owners over HTTP", () => {
  it("offers the owner choices in the published shape", async () => {
    const answer = await server.inject({
      method: "GET",
      url: `/api/entitlements/${entitlementId}/owner-choices`,
      headers: fmHeaders,
    });
    expect(answer.statusCode).toBe(200);
    const choices = ownerChoicesSchema.strict().parse(answer.json());
    expect(choices.teams.find((team) => team.role === "account_team")?.people).toEqual([
      expect.objectContaining({ name: "Ana Lopez" }),
    ]);
  });

  it("refuses an unassigned person with 422 naming the field, the rule and who may be chosen", async () => {
    const answer = await server.inject({
      method: "PUT",
      url: `/api/entitlements/${entitlementId}/status`,
      headers: fmHeaders,
      payload: { version: 1, segments: [{ ...blocked, ownerRef: { kind: "person", userId: outsider.id } }] },
    });
    expect(answer.statusCode).toBe(422);
    const body = answer.json();
    expect(body.errors).toEqual([
      expect.objectContaining({ field: "segments.0.owner", code: "owner_not_assigned" }),
    ]);
    expect(body.instead).toContain("Ana Lopez <ana@x.test>");
  });

  it("writes a team owner and shows it by its people", async () => {
    const answer = await server.inject({
      method: "PUT",
      url: `/api/entitlements/${entitlementId}/status`,
      headers: fmHeaders,
      payload: { version: 1, segments: [{ ...blocked, ownerRef: { kind: "team", role: "account_team" } }] },
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json().segments[0].ownerResolved.display).toBe("Account Team: Ana Lopez");
  });

  it("reassigns only for a Team Lead or an Admin, previewing with dryRun", async () => {
    const url = `/api/users/${fm.id}/reassign`;
    const refused = await server.inject({
      method: "POST",
      url,
      headers: fmHeaders,
      payload: { to: "olu@x.test" },
    });
    expect(refused.statusCode).toBe(403);
    const preview = await server.inject({
      method: "POST",
      url,
      headers: leadHeaders,
      payload: { to: "olu@x.test", dryRun: true },
    });
    expect(preview.statusCode).toBe(200);
    const plan = reassignPlanSchema.parse(preview.json());
    expect(plan).toMatchObject({ applied: false, to: { email: "olu@x.test" } });
    expect(plan.assignments).toHaveLength(1);
  });
});
