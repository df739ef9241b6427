import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign, bearerFor } from "../../test/factories/access.ts";
import { createEntitlement, createUser } from "../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../test/support/test-database.ts";
import { buildServer } from "./build-server.ts";

describe("hardening", () => {
  let database: TestDatabase;
  let server: FastifyInstance;
  let headers: { authorization: string };
  let entitlementId: string;
  const xss = "<img src=x onerror=alert(1)>";
  const noteText = `Blocked: the app shows ${xss} on start; 50%_off\\discount clears when patched.`;

  beforeAll(async () => {
    database = await openTestDatabase();
    const deps = await makeTestDeps(database);
    const admin = await createUser(database.db, { role: "admin" });
    headers = await bearerFor(deps, admin);
    const fm = await createUser(database.db, { role: "delivery_fm" });
    const entitlement = await createEntitlement(database.db, {
      serviceId: "teams",
      stage: "delivery",
      segments: [
        {
          seats: 100,
          l1: "blocked",
          scenarioId: "blocked_delivery",
          l2: "app_compatibility",
          targetDate: "2025-04-01",
          owner: "O'Brien & Co; DROP TABLE tenants; --",
          note: noteText,
        },
      ],
    });
    entitlementId = entitlement.id;
    await assign(database.db, fm.id, { tenantId: entitlement.tenantId });
    server = await buildServer(deps, { webRoot: "/nonexistent" });
    // A route that fails the way a bug would, to see what a 500 tells the client.
    server.get("/api/test-failure", async () => {
      throw new Error("secret internals: password=hunter2 at /srv/app/db.ts:42");
    });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it("sends security headers: a script policy of this origin only, no framing, no sniffing", async () => {
    for (const url of ["/api/health", "/"]) {
      const response = await server.inject({ method: "GET", url });
      const policy = String(response.headers["content-security-policy"]);
      expect(policy, url).toMatch(/script-src 'self'(;|$)/);
      expect(policy, url).toMatch(/frame-ancestors 'none'/);
      expect(policy, url).toMatch(/object-src 'none'/);
      expect(response.headers["x-content-type-options"], url).toBe("nosniff");
      expect(response.headers["referrer-policy"], url).toBe("same-origin");
      expect(response.headers["x-frame-options"], url).toBe("SAMEORIGIN");
      expect(response.headers["strict-transport-security"], url).toBe("max-age=15552000");
      expect(response.headers["cross-origin-opener-policy"], url).toBe("same-origin");
    }
  });

  it("answers a body over 1 MiB with 413 problem+json", async () => {
    const response = await server.inject({
      method: "PUT",
      url: `/api/entitlements/${entitlementId}/status`,
      headers: { ...headers, "content-type": "application/json" },
      payload: JSON.stringify({
        version: 1,
        segments: [{ seats: 1, l1: "blocked", note: "x".repeat(1_100_000) }],
      }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers["content-type"]).toMatch(/problem\+json/);
  });

  it("answers malformed JSON and prototype poisoning with 400 and a message", async () => {
    for (const payload of [
      '{"version": 1, "segments": [',
      '{"version":1,"__proto__":{"admin":true},"segments":[]}',
    ]) {
      const response = await server.inject({
        method: "PUT",
        url: `/api/entitlements/${entitlementId}/status`,
        headers: { ...headers, "content-type": "application/json" },
        payload,
      });
      expect(response.statusCode, payload).toBe(400);
      expect(response.headers["content-type"]).toMatch(/problem\+json/);
      expect(response.json().detail.length).toBeGreaterThan(5);
    }
  });

  it("refuses a NUL character in a note with 400 instead of failing in the database", async () => {
    const response = await server.inject({
      method: "PUT",
      url: `/api/entitlements/${entitlementId}/status`,
      headers,
      payload: {
        version: 1,
        segments: [{ seats: 100, l1: "blocked", l2: "app_compatibility", note: "Blocked\u0000 here" }],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("nul_character");
  });

  it("refuses a body nested thousands deep with 400 naming the body, not a stack overflow", async () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    const response = await server.inject({
      method: "PUT",
      url: `/api/entitlements/${entitlementId}/status`,
      headers: { ...headers, "content-type": "application/json" },
      payload: `{"version":1,"segments":${deep}}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "body_too_deep" });
    expect(response.json().errors[0].field).toMatch(/^segments(\.0)+$/);
  });

  it("refuses half a surrogate pair with 400 naming the field, on both databases alike", async () => {
    const response = await server.inject({
      method: "PUT",
      url: `/api/entitlements/${entitlementId}/status`,
      headers: { ...headers, "content-type": "application/json" },
      payload: '{"version":1,"segments":[{"seats":100,"l1":"blocked","note":"x\\ud837\\u3ac3\\udef0"}]}',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "lone_surrogate",
      errors: [{ field: "segments.0.note", code: "lone_surrogate" }],
    });
  });

  it("never puts internals or a stack trace in a 500", async () => {
    const response = await server.inject({ method: "GET", url: "/api/test-failure", headers });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toMatch(/hunter2|secret|\.ts|at \//);
    expect(response.json()).toMatchObject({ code: "internal_error" });
  });

  it("returns normal results for SQL metacharacters in every filter", async () => {
    const nasty = ["' OR '1'='1", "'; DROP TABLE tenants; --", '"\\', "%", "_", "\\", "$1", "\u0000"];
    const params = ["q", "l1", "l2", "l3", "serviceId", "owner", "stage"];
    for (const value of nasty) {
      for (const param of params) {
        const url = `/api/entitlements?${param}=${encodeURIComponent(value)}`;
        const response = await server.inject({ method: "GET", url, headers });
        expect([200, 400, 422], `${url}: ${response.body}`).toContain(response.statusCode);
        if (response.statusCode !== 200) continue; // an unknown L1, L2, L3 or service is refused by name
        // Text search matches the note literally; every other filter compares whole values.
        const matches = param === "q" && noteText.toLowerCase().includes(value.toLowerCase());
        const ids = response.json().items.map((item: { id: string }) => item.id);
        expect(ids, url).toEqual(matches ? [entitlementId] : []);
      }
      for (const url of [
        `/api/tenants?q=${encodeURIComponent(value)}`,
        `/api/customers?q=${encodeURIComponent(value)}`,
        `/api/reports/blocked-by-l2-service?serviceId=${encodeURIComponent(value)}`,
        `/api/audit?action=${encodeURIComponent(value)}`,
      ]) {
        const response = await server.inject({ method: "GET", url, headers });
        expect([200, 400, 422], `${url}: ${response.body}`).toContain(response.statusCode);
      }
    }
    const { rows } = await database.execute("select count(*)::int as n from tenants");
    expect(rows[0]?.n).toBe(1);
  });

  it("matches search text literally, wildcards and quotes included", async () => {
    for (const text of ["50%_off\\discount", "O'Brien & Co; DROP", xss]) {
      const response = await server.inject({
        method: "GET",
        url: `/api/entitlements?q=${encodeURIComponent(text)}`,
        headers,
      });
      const byOwner = await server.inject({
        method: "GET",
        url: `/api/entitlements?owner=${encodeURIComponent("O'Brien & Co; DROP TABLE tenants; --")}`,
        headers,
      });
      expect(
        response.json().items.map((item: { id: string }) => item.id),
        text,
      ).toEqual(text === "O'Brien & Co; DROP" ? [] : [entitlementId]);
      expect(byOwner.json().items).toHaveLength(1);
    }
    expect(
      (await server.inject({ method: "GET", url: "/api/entitlements?q=50%25Xoff", headers })).json().items,
    ).toEqual([]);
  });

  it("returns note text exactly as written, as JSON text, for the browser to render as text", async () => {
    const response = await server.inject({
      method: "GET",
      url: `/api/entitlements/${entitlementId}`,
      headers,
    });
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(response.json().segments[0].note).toContain(xss);
  });
});
