import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign, bearerFor } from "../../../test/factories/access.ts";
import { createCustomer, createTenant, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import { buildServer } from "../build-server.ts";

describe("users, assignments and the audit trail", () => {
  let database: TestDatabase;
  let deps: AppDeps;
  let server: FastifyInstance;
  let admin: Actor;
  let adminHeaders: { authorization: string };
  let primaryFm: { authorization: string };
  let secondaryFm: { authorization: string };
  let viewer: Actor;
  let tenantId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
    server = await buildServer(deps, { webRoot: "/nonexistent" });
    admin = await createUser(database.db, { role: "admin", email: "root@example.test" });
    adminHeaders = await bearerFor(deps, admin);
    const customer = await createCustomer(database.db);
    tenantId = (await createTenant(database.db, { customerId: customer.id })).id;
    const primary = await createUser(database.db, { role: "delivery_fm", name: "Pia Primary" });
    const secondary = await createUser(database.db, { role: "delivery_fm", name: "Sid Secondary" });
    await assign(database.db, primary.id, { tenantId }, { primary: true });
    await assign(database.db, secondary.id, { customerId: customer.id });
    primaryFm = await bearerFor(deps, primary);
    secondaryFm = await bearerFor(deps, secondary);
    viewer = await createUser(database.db, { role: "viewer", name: "Vic Viewer" });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const call = (
    method: "GET" | "POST" | "PATCH" | "DELETE",
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) => server.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  it("creates a user once, audited with the request id; a taken email is 409", async () => {
    const created = await call(
      "POST",
      "/api/users",
      { ...adminHeaders, "x-request-id": "req-create-1" },
      {
        email: "New.Person@example.test",
        name: "New Person",
        role: "Delivery FM",
        password: "a long enough phrase",
      },
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      email: "new.person@example.test",
      role: "delivery_fm",
      version: 1,
      hasPassword: true,
    });
    expect(JSON.stringify(created.json())).not.toMatch(/scrypt|phrase/);
    const again = await call("POST", "/api/users", adminHeaders, {
      email: "new.person@example.test",
      name: "Someone Else",
      role: "viewer",
    });
    expect(again.statusCode).toBe(409);

    const audit = await call("GET", "/api/audit?action=user.create", adminHeaders);
    const row = audit.json().items.find((item: { targetId: string }) => item.targetId === created.json().id);
    expect(row).toMatchObject({
      actorEmail: "root@example.test",
      actorRole: "admin",
      requestId: "req-create-1",
      before: null,
      after: { email: "new.person@example.test", role: "delivery_fm", passwordSet: true },
    });
    expect(JSON.stringify(row)).not.toMatch(/scrypt|phrase/);
  });

  it("changes a user only at the version read: a stale one is 409 with the current user", async () => {
    const user = await createUser(database.db, { role: "viewer" });
    const first = await call(
      "PATCH",
      `/api/users/${user.id}`,
      { ...adminHeaders, "if-match": '"1"' },
      { role: "account_team" },
    );
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const stale = await call("PATCH", `/api/users/${user.id}`, adminHeaders, {
      version: 1,
      name: "Late Edit",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: "version_conflict",
      current: { version: 2, role: "account_team" },
    });
    const audit = (await call("GET", `/api/audit?targetId=${user.id}`, adminHeaders)).json().items;
    expect(audit).toEqual([
      expect.objectContaining({ action: "user.update", before: expect.objectContaining({ role: "viewer" }) }),
    ]);
  });

  it("keeps the last enabled Admin", async () => {
    const response = await call("PATCH", `/api/users/${admin.id}`, adminHeaders, {
      version: 1,
      role: "viewer",
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toMatch(/last enabled Admin/);
  });

  it("lets the primary FM assign on its tenant, and tells a secondary FM who may", async () => {
    const byPrimary = await call("POST", "/api/assignments", primaryFm, { userId: viewer.id, tenantId });
    expect(byPrimary.statusCode).toBe(201);
    expect(byPrimary.json()).toMatchObject({
      user: { id: viewer.id },
      tenant: { id: tenantId },
      primary: false,
    });

    const bySecondary = await call("POST", "/api/assignments", secondaryFm, { userId: viewer.id, tenantId });
    expect(bySecondary.statusCode).toBe(403);
    expect(bySecondary.json()).toMatchObject({ code: "forbidden", rule: "assign_needs_primary" });
    expect(bySecondary.json().detail).toMatch(/Ask a Team Lead, an Admin, or its primary FM\./);

    const removed = await call("DELETE", `/api/assignments/${byPrimary.json().id}`, primaryFm);
    expect(removed.statusCode).toBe(204);
    const trail = (await call("GET", `/api/audit?targetId=${byPrimary.json().id}`, adminHeaders)).json()
      .items;
    expect(trail.map((entry: { action: string }) => entry.action)).toEqual([
      "assignment.create",
      "assignment.delete",
    ]);
    expect(trail[1].before).toMatchObject({ userId: viewer.id, tenantId });
  });

  it("never assigns Engineering, which reads aggregates only", async () => {
    const engineer = await createUser(database.db, { role: "engineering" });
    const response = await call("POST", "/api/assignments", adminHeaders, { userId: engineer.id, tenantId });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].code).toBe("role_not_assignable");
  });

  it("keeps the audit trail for Admins, who can download it as CSV", async () => {
    const refused = await call("GET", "/api/audit/export?format=csv", primaryFm);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().rule).toBe("admin_only");
    const csv = await call("GET", "/api/audit/export?format=csv&action=assignment.create", adminHeaders);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    const lines = csv.body.trim().split("\n");
    expect(lines[0]).toBe(
      "at,actor_email,actor_role,source,action,target_type,target_id,before,after,request_id",
    );
    expect(lines.slice(1).every((line) => line.includes("assignment.create"))).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
    const json = await call("GET", "/api/audit/export?format=json", adminHeaders);
    expect(JSON.parse(json.body).length).toBeGreaterThanOrEqual(4);
  });

  it("lists users only for those who manage or assign them", async () => {
    expect((await call("GET", "/api/users", primaryFm)).statusCode).toBe(200);
    const viewerHeaders = await bearerFor(deps, viewer);
    expect((await call("GET", "/api/users", viewerHeaders)).statusCode).toBe(403);
  });
});
