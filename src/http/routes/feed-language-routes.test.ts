import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerFor } from "../../../test/factories/access.ts";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { AppDeps } from "../../app/app-deps.ts";
import { syncsSettled } from "../../app/feed/sync-job-slot.ts";
import { buildServer } from "../build-server.ts";
import type { PortfolioSync } from "../schemas/feed.ts";

let database: TestDatabase;
let deps: AppDeps;
let server: FastifyInstance;
let german: { authorization: string };
let english: { authorization: string };

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  server = await buildServer(deps, { webRoot: "/nonexistent" });
  german = await bearerFor(deps, await createUser(database.db, { role: "admin" }));
  const chose = await server.inject({
    method: "PATCH",
    url: "/api/me/preferences",
    headers: german,
    payload: { language: "de" },
  });
  expect(chose.statusCode).toBe(200);
  english = await bearerFor(deps, await createUser(database.db, { role: "admin" }));
});
afterAll(async () => {
  await syncsSettled(deps);
  await server.close();
  await database.close();
});

/** Uploads one file as an English Admin and waits for the sync to end; answers its id. */
async function uploaded(name: string, text: string): Promise<number> {
  const form = new FormData();
  form.append("files", new Blob([text]), name);
  const encoded = new Response(form);
  const response = await server.inject({
    method: "POST",
    url: "/api/portfolio/sync",
    headers: { ...english, "content-type": encoded.headers.get("content-type")! },
    payload: Buffer.from(await encoded.arrayBuffer()),
  });
  expect(response.statusCode).toBe(202);
  await syncsSettled(deps);
  return response.json<PortfolioSync>().id;
}

const rejected = async (id: number, headers: { authorization: string }) =>
  (await server.inject({ method: "GET", url: `/api/portfolio/syncs/${id}`, headers })).json<PortfolioSync>()
    .report?.rejected;

describe("the feed's refused rows in the reader's language", () => {
  it("says each row error in German to a German Admin and in English to an English one; codes stay", async () => {
    const id = await uploaded(
      "entitlements.csv",
      "tenant_id,service,available_seats\n6f1c2a9e-3b7d-4e21-9c55-0a1b2c3d4e01,Fax Online,zehn\n",
    );
    expect(await rejected(id, german)).toEqual([
      {
        file: "entitlements",
        row: 2,
        column: "service",
        code: "service_unknown",
        message: "„Fax Online“ ist kein Service des Playbooks (ID, Name, Code oder Alias).",
      },
      {
        file: "entitlements",
        row: 2,
        column: "available_seats",
        code: "count_invalid",
        message: "available_seats muss eine ganze Zahl ab 0 sein (nicht „zehn“).",
      },
    ]);
    expect((await rejected(id, english))?.map((error) => error.message)).toEqual([
      '"Fax Online" is not a service of the playbook (id, name, code or alias).',
      'available_seats must be a whole number, 0 or more (not "zehn").',
    ]);
  });
});
