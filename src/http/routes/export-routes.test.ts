import { type ClientRequest, request as httpRequest } from "node:http";
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
import { buildServer } from "../build-server.ts";

/** The three export formats through HTTP, for a Delivery FM assigned to one of two customers. */
describe("GET /api/export.{csv,json,jsonl}", () => {
  let database: TestDatabase;
  let server: FastifyInstance;
  let headers: { authorization: string };
  let ownCustomerId: string;

  const blocked = (note: string) => ({
    seats: 100,
    l1: "blocked",
    scenarioId: "blocked_delivery",
    l2: "app_compatibility",
    note,
  });

  beforeAll(async () => {
    database = await openTestDatabase();
    const deps = await makeTestDeps(database);
    server = await buildServer(deps, { webRoot: "/nonexistent" });
    const fm = await createUser(database.db, { role: "delivery_fm" });
    headers = await bearerFor(deps, fm);
    const own = await createCustomer(database.db, { name: "Own Customer" });
    await assign(database.db, fm.id, { customerId: own.id });
    ownCustomerId = own.id;
    for (const [service, note] of [
      ["teams", "=SUM(A1) typed as a note"],
      ["exchange", 'A "quoted", multi\nline note'],
    ] as const) {
      const tenant = await createTenant(database.db, {
        customerId: own.id,
        domain: `${service}.own.example`,
      });
      await createEntitlement(database.db, {
        tenantId: tenant.id,
        serviceId: service,
        segments: [blocked(note)],
      });
    }
    const other = await createTenant(database.db, { domain: "other.example" });
    await createEntitlement(database.db, {
      tenantId: other.id,
      serviceId: "teams",
      segments: [blocked("x")],
    });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const get = (url: string) => server.inject({ method: "GET", headers, url });

  it("streams the CSV with the formula guard and quoting, only the user's tenants", async () => {
    const response = await get("/api/export.csv");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toMatch(/filename="unblock-entitlements-.*\.csv"/);
    expect(response.body).toContain(",'=SUM(A1) typed as a note,");
    expect(response.body).toContain(',"A ""quoted"", multi\nline note",');
    expect(response.body).not.toContain("other.example");
  });

  it("writes JSON Lines, one view a line, and the JSON array with the same views", async () => {
    const lines = await get("/api/export.jsonl?sort=customer");
    expect(lines.statusCode).toBe(200);
    expect(lines.headers["content-type"]).toMatch(/^application\/jsonl/);
    expect(lines.body.endsWith("\n")).toBe(true);
    const views = lines.body
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { tenant: { domain: string } });
    expect(views.map((view) => view.tenant.domain).sort()).toEqual([
      "exchange.own.example",
      "teams.own.example",
    ]);
    const array = await get("/api/export.json?sort=customer");
    expect(array.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(array.body)).toEqual(views);
  });

  it("answers an empty selection with a header, an empty array and no lines", async () => {
    const query = "?serviceId=sharepoint";
    expect((await get(`/api/export.csv${query}`)).body.split("\n")).toHaveLength(2);
    expect(JSON.parse((await get(`/api/export.json${query}`)).body)).toEqual([]);
    expect((await get(`/api/export.jsonl${query}`)).body).toBe("");
  });

  it("holds the database back while the client does not read, and lets go when it leaves", async () => {
    // 120 MB of notes: more than the sockets between PostgreSQL, Unblock and a client that reads
    // nothing can hold (a loopback socket here takes up to 32 MB).
    const note = "x".repeat(1_000_000);
    for (let n = 0; n < 120; n += 1) {
      const tenant = await createTenant(database.db, {
        customerId: ownCustomerId,
        domain: `big-${n}.example`,
      });
      await createEntitlement(database.db, { tenantId: tenant.id, segments: [blocked(note)] });
    }
    const address = await server.listen({ port: 0, host: "127.0.0.1" });
    const request = await new Promise<ClientRequest>((resolve, reject) => {
      const started = httpRequest(`${address}/api/export.csv`, { headers }, (response) => {
        // One chunk, then the client stops reading.
        response.once("data", () => {
          response.pause();
          resolve(started);
        });
      });
      started.on("error", (error) => (started.destroyed ? undefined : reject(error)));
      started.end();
    });
    const copies = async (waiting: string) => {
      const { rows } = await database.execute(
        `select count(*)::int as n from pg_stat_activity where datname = current_database()
           and state = 'active' and query ilike 'copy (%' and ($1 = '' or wait_event = $1)`,
        [waiting],
      );
      return rows[0]?.n;
    };
    // On a server, the COPY itself ends up waiting for Unblock to read: nothing piles up in memory.
    if (database.kind === "postgres") await until(async () => (await copies("ClientWrite")) === 1);
    request.destroy();
    // An export still holding its connection would keep its COPY (or PGlite's one connection) busy.
    await until(async () =>
      database.kind === "postgres"
        ? (await copies("")) === 0
        : (await Promise.race([
            database.execute("select 1"),
            new Promise((resolve) => setTimeout(resolve, 1000)),
          ])) !== undefined,
    );
  });
});

/** Polls `done` for up to 30 s. */
async function until(done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("gave up waiting after 30 s");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
