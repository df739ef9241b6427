import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerFor } from "../../../test/factories/access.ts";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { savedViewLimits } from "../../app/saved-views/save-view.ts";
import { buildServer } from "../build-server.ts";

interface ViewBody {
  id: string;
  name: string;
  query: string;
}

describe("saved views", () => {
  let database: TestDatabase;
  let server: FastifyInstance;
  let dee: { authorization: string };
  let ann: { authorization: string };

  beforeAll(async () => {
    database = await openTestDatabase();
    const deps = await makeTestDeps(database);
    server = await buildServer(deps, { webRoot: "/nonexistent" });
    dee = await bearerFor(deps, await createUser(database.db, { role: "delivery_fm" }));
    ann = await bearerFor(deps, await createUser(database.db, { role: "viewer" }));
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const save = (headers: object, payload: object) =>
    server.inject({ method: "POST", url: "/api/saved-views", headers: { ...headers }, payload });
  const list = async (headers: object) =>
    (await server.inject({ method: "GET", url: "/api/saved-views", headers: { ...headers } })).json<{
      items: ViewBody[];
    }>().items;

  it("keeps a user's views on the server, by name, replacing a name saved again in any case", async () => {
    expect(
      (await save(dee, { name: "My blocked EXO", query: "?l1=blocked&serviceId=exchange" })).statusCode,
    ).toBe(200);
    await save(dee, { name: "Overdue", query: "overdue=true" });
    const replaced = await save(dee, { name: "my BLOCKED exo", query: "l1=blocked&serviceId=teams" });
    expect(replaced.json<ViewBody>()).toMatchObject({
      name: "my BLOCKED exo",
      query: "l1=blocked&serviceId=teams",
    });

    const views = await list(dee);
    expect(views.map((view) => [view.name, view.query])).toEqual([
      ["my BLOCKED exo", "l1=blocked&serviceId=teams"],
      ["Overdue", "overdue=true"],
    ]);
  });

  it("shows no one else's views, and another user's view cannot be deleted", async () => {
    const [deeView] = await list(dee);
    expect(await list(ann)).toEqual([]);
    const foreign = await server.inject({
      method: "DELETE",
      url: `/api/saved-views/${deeView!.id}`,
      headers: ann,
    });
    expect(foreign.statusCode).toBe(404);
    expect((await list(dee)).map((view) => view.id)).toContain(deeView!.id);

    const own = await server.inject({
      method: "DELETE",
      url: `/api/saved-views/${deeView!.id}`,
      headers: dee,
    });
    expect(own.statusCode).toBe(204);
    expect((await list(dee)).map((view) => view.id)).not.toContain(deeView!.id);
  });

  it("refuses a blank or too long name with a problem naming the field, and saves nothing", async () => {
    const before = await list(ann);
    const blank = await save(ann, { name: "   ", query: "l1=blocked" });
    expect(blank.statusCode).toBe(422);
    expect(blank.headers["content-type"]).toContain("application/problem+json");
    expect(blank.json().errors).toEqual([expect.objectContaining({ field: "name", code: "required" })]);
    const long = await save(ann, { name: "x".repeat(savedViewLimits.nameLength + 1), query: "" });
    expect(long.json().errors).toEqual([expect.objectContaining({ field: "name", code: "too_long" })]);
    expect(await list(ann)).toEqual(before);
  });

  it("answers 401 without sign-in", async () => {
    expect((await server.inject({ method: "GET", url: "/api/saved-views" })).statusCode).toBe(401);
  });
});
