import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerFor } from "../../../test/factories/access.ts";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { AppDeps } from "../../app/app-deps.ts";
import { buildServer } from "../build-server.ts";
import { Readiness } from "./readiness.ts";

describe("GET /metrics and GET /api/health/ready", () => {
  let database: TestDatabase;
  let deps: AppDeps;
  let server: FastifyInstance;
  const readiness = new Readiness("starting");

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
    server = await buildServer(deps, { webRoot: "/nonexistent", readiness, metrics: { token: "scrape-me" } });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const scrape = async (options: { remoteAddress?: string; authorization?: string } = {}) =>
    server.inject({
      method: "GET",
      url: "/metrics",
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
      headers: options.authorization ? { authorization: options.authorization } : {},
    });

  it("answers 503 until the instance is ready, 200 then, and 503 again once it stops; liveness stays 200", async () => {
    const ready = () => server.inject({ method: "GET", url: "/api/health/ready" });
    const starting = await ready();
    expect(starting.statusCode).toBe(503);
    expect(starting.headers["content-type"]).toContain("application/problem+json");
    expect(starting.json()).toMatchObject({ code: "instance_starting" });

    readiness.markReady();
    expect((await ready()).json()).toEqual({ status: "ready" });

    readiness.markStopping();
    expect((await ready()).json()).toMatchObject({ status: 503, code: "instance_stopping" });
    readiness.markReady();
    expect((await ready()).statusCode).toBe(503);
    expect((await server.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
  });

  it("counts requests by route pattern and status, group-commit batches, statements, jobs and the process", async () => {
    const admin = await createUser(database.db, { role: "admin" });
    const headers = await bearerFor(deps, admin);
    const entitlement = await createEntitlement(database.db, { serviceId: "teams", stage: "delivery" });
    const read = await server.inject({ method: "GET", url: `/api/entitlements/${entitlement.id}`, headers });
    expect(read.statusCode).toBe(200);
    const write = await server.inject({
      method: "PUT",
      url: `/api/entitlements/${entitlement.id}/status`,
      headers,
      payload: {
        version: 1,
        segments: [
          {
            seats: 100,
            l1: "in_progress",
            serviceStatus: "assess",
            engagementScenario: "customer_led",
            targetDate: "2025-06-30",
            note: "Deploying; assessing the network.",
          },
        ],
      },
    });
    expect(write.statusCode, write.body).toBe(200);
    await server.inject({ method: "GET", url: "/api/no-such-route", headers });

    const response = await scrape();
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/plain");
    const text = response.body;
    // The pattern, not the URL: no entitlement id in any label.
    expect(text).toContain(
      'unblock_http_requests_total{method="GET",route="/api/entitlements/:id",status_code="200"} 1',
    );
    expect(text).not.toContain(entitlement.id);
    expect(text).toMatch(
      /unblock_http_request_duration_seconds_bucket\{le="0\.005",method="PUT",route="\/api\/entitlements\/:id\/status",status_code="200"\}/,
    );
    expect(text).toContain('unblock_http_requests_total{method="GET",route="unmatched",status_code="404"} 1');
    expect(text).toMatch(/unblock_status_write_batch_size_count [1-9]/);
    expect(text).toMatch(/unblock_db_queries_total [1-9]/);
    expect(text).toContain('unblock_jobs{state="queued"}');
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toContain("nodejs_eventloop_lag_seconds");
    if (database.kind === "postgres") expect(text).toMatch(/unblock_db_pool_connections\{state="max"\} 4/);
  });

  it("answers only to its bearer token or from an allowed address", async () => {
    const outside = await scrape({ remoteAddress: "203.0.113.7" });
    expect(outside.statusCode).toBe(401);
    expect(outside.headers["www-authenticate"]).toContain("Bearer");
    expect((await scrape({ remoteAddress: "203.0.113.7", authorization: "Bearer guess" })).statusCode).toBe(
      401,
    );
    expect(
      (await scrape({ remoteAddress: "203.0.113.7", authorization: "Bearer scrape-me" })).statusCode,
    ).toBe(200);
    expect((await scrape({ remoteAddress: "::ffff:127.0.0.1" })).statusCode).toBe(200);

    const tokenless = await buildServer(deps, { webRoot: "/nonexistent", metrics: { allow: [] } });
    try {
      const refused = await tokenless.inject({ method: "GET", url: "/metrics" });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: "forbidden" });
    } finally {
      await tokenless.close();
    }
  });
});
