import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerFor } from "../../../test/factories/access.ts";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { AppDeps } from "../../app/app-deps.ts";
import { notify } from "../../app/notifications/notify.ts";
import { buildServer } from "../build-server.ts";

describe("notification routes", () => {
  let database: TestDatabase;
  let deps: AppDeps;
  let server: FastifyInstance;

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
    server = await buildServer(deps, { webRoot: "/nonexistent" });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it("shows each user their own inbox with the unread count, and marks it read", async () => {
    const ann = await createUser(database.db, { role: "account_team" });
    const bob = await createUser(database.db, { role: "account_team" });
    await notify(deps, { userIds: [ann.id], kind: "test", entitlementId: null, text: "First" });
    await notify(deps, { userIds: [ann.id, bob.id], kind: "test", entitlementId: null, text: "Second" });
    const asAnn = await bearerFor(deps, ann);
    const inbox = await server.inject({ method: "GET", url: "/api/notifications", headers: asAnn });
    expect(inbox.statusCode).toBe(200);
    const body = inbox.json<{ items: { id: string; text: string }[]; unread: number }>();
    expect(body.unread).toBe(2);
    expect(body.items.map((item) => item.text).sort()).toEqual(["First", "Second"]);

    const read = await server.inject({
      method: "POST",
      url: "/api/notifications/read",
      headers: asAnn,
      payload: { ids: [body.items[0]!.id] },
    });
    expect(read.json()).toEqual({ unread: 1 });
    const all = await server.inject({
      method: "POST",
      url: "/api/notifications/read",
      headers: asAnn,
      payload: {},
    });
    expect(all.json()).toEqual({ unread: 0 });
    const bobs = await server.inject({
      method: "GET",
      url: "/api/notifications",
      headers: await bearerFor(deps, bob),
    });
    expect(bobs.json()).toMatchObject({ unread: 1, items: [{ text: "Second" }] });
  });

  it("refuses no sign-in and a malformed id", async () => {
    expect((await server.inject({ method: "GET", url: "/api/notifications" })).statusCode).toBe(401);
    const user = await bearerFor(deps, await createUser(database.db, { role: "viewer" }));
    const bad = await server.inject({
      method: "POST",
      url: "/api/notifications/read",
      headers: user,
      payload: { ids: ["x"] },
    });
    expect(bad.statusCode).toBe(400);
  });
});
