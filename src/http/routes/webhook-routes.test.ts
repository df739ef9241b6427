import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerFor } from "../../../test/factories/access.ts";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { buildServer } from "../build-server.ts";

describe("webhook routes", () => {
  let database: TestDatabase;
  let server: FastifyInstance;
  let admin: { authorization: string };
  let lead: { authorization: string };

  beforeAll(async () => {
    database = await openTestDatabase();
    const deps = await makeTestDeps(database);
    server = await buildServer(deps, { webRoot: "/nonexistent" });
    admin = await bearerFor(deps, await createUser(database.db, { role: "admin" }));
    lead = await bearerFor(deps, await createUser(database.db, { role: "team_lead" }));
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const call = (method: "GET" | "POST" | "DELETE", url: string, headers: object, payload?: object) =>
    server.inject({ method, url: `/api${url}`, headers: { ...headers }, ...(payload ? { payload } : {}) });

  it("lets an Admin subscribe, list, read the delivery log and delete; shows the secret once", async () => {
    const created = await call("POST", "/webhooks", admin, {
      url: "https://hooks.example.com/unblock",
      events: ["status.changed", "entitlement.blocked"],
      description: "Ticketing",
    });
    expect(created.statusCode).toBe(201);
    const hook = created.json<{ id: string; secret: string; events: string[] }>();
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(hook.events).toEqual(["status.changed", "entitlement.blocked"]);

    const listed = (await call("GET", "/webhooks", admin)).json<{ items: Record<string, unknown>[] }>();
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).not.toHaveProperty("secret");
    const log = await call("GET", `/webhooks/${hook.id}/deliveries`, admin);
    expect(log.json()).toEqual({ items: [] });

    expect((await call("DELETE", `/webhooks/${hook.id}`, admin)).statusCode).toBe(204);
    expect((await call("DELETE", `/webhooks/${hook.id}`, admin)).statusCode).toBe(404);
    expect((await call("GET", `/webhooks/${hook.id}/deliveries`, admin)).statusCode).toBe(404);
  });

  it("refuses anyone but an Admin, unknown events and private addresses", async () => {
    const body = { url: "https://hooks.example.com/x", events: ["status.changed"] };
    const refused = await call("POST", "/webhooks", lead, body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: "forbidden" });
    expect((await call("GET", "/webhooks", lead)).statusCode).toBe(403);

    const unknownEvent = await call("POST", "/webhooks", admin, { ...body, events: ["status.deleted"] });
    expect(unknownEvent.statusCode).toBe(400);
    const loopback = await call("POST", "/webhooks", admin, { ...body, url: "http://127.0.0.1:9/x" });
    expect(loopback.statusCode).toBe(422);
    expect(loopback.json()).toMatchObject({ errors: [{ field: "url", code: "private_address" }] });
    const badDelivery = await call(
      "POST",
      "/webhooks/00000000-0000-4000-8000-000000000000/deliveries/x/redeliver",
      admin,
    );
    expect(badDelivery.statusCode).toBe(400);
  });
});
