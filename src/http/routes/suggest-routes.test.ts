import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerFor } from "../../../test/factories/access.ts";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { buildServer } from "../build-server.ts";

describe("POST /api/suggest", () => {
  let database: TestDatabase;
  let server: FastifyInstance;
  let headers: { authorization: string };

  beforeAll(async () => {
    database = await openTestDatabase();
    const deps = await makeTestDeps(database);
    headers = await bearerFor(deps, await createUser(database.db, { role: "delivery_fm" }));
    server = await buildServer(deps, { webRoot: "/nonexistent" });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const suggest = (payload: Record<string, unknown>) =>
    server.inject({ method: "POST", url: "/api/suggest", headers, payload });

  it("reads past a negation to the real blocker", async () => {
    const response = await suggest({
      note: "Not a licensing problem: the customer's firewall drops the Teams media traffic; clears when the proxy rules change.",
      workload: "Teams",
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.l1).toBe("blocked");
    expect(body.l2).toBe("customer_it_infrastructure_remediation");
    expect(body.l2).not.toBe("billing_licensing_subscription");
    expect(body.evidence.length).toBeGreaterThan(0);
    expect(["green", "amber", "red"]).toContain(body.band);
  });

  it("grades a bare status as poor and does not guess an L2 for it", async () => {
    const body = (await suggest({ note: "Blocked." })).json();
    expect(body.grade).toBe("poor");
    expect(body.l2).toBeNull();
    expect(body.hints.length).toBeGreaterThan(0);
  });

  it("grades the note for the L1 the writer chose", async () => {
    const body = (
      await suggest({
        note: "No reply after 4 attempts (two emails, two calls); unmanaged account.",
        l1: "status_unknown",
      })
    ).json();
    expect(body.grade).toBe("great");
  });

  it("refuses a note that is not text with 400 naming the field", async () => {
    const response = await suggest({ note: 42 });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe("body.note");
  });
});
