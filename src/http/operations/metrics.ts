import type { FastifyInstance, FastifyRequest } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { AppDeps } from "../../app/app-deps.ts";
import { sameSecret } from "../../app/auth/secret-token.ts";
import {
  databaseFigures,
  jobCountsByState,
  watchStatusWriteBatches,
} from "../../app/maintenance/operational-figures.ts";
import { problem, sendProblem } from "../problem.ts";
import type { Readiness } from "./readiness.ts";

/** Who may read GET /metrics: a bearer token, or a request from one of these addresses. */
export interface MetricsAccess {
  /** UNBLOCK_METRICS_TOKEN; unset means no token opens it. */
  token?: string | undefined;
  /** UNBLOCK_METRICS_ALLOW; loopback by default, empty to need the token from everywhere. */
  allow?: readonly string[];
}

export const loopbackAddresses: readonly string[] = ["127.0.0.1", "::1"];

/**
 * Process metrics (CPU, memory, event loop, GC) once per process: the
 * collectors start observers, and a test process builds hundreds of servers.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * GET /metrics in the Prometheus text format: requests by route pattern and
 * status, group-commit batch sizes, database statements and pool, jobs by
 * state, readiness, and the process. Outside /api: it is for the operator's
 * monitoring, not a user, and is left out of the OpenAPI document.
 */
export function registerMetrics(
  app: FastifyInstance,
  deps: AppDeps,
  readiness: Readiness,
  access: MetricsAccess,
): void {
  const registry = new Registry();
  const labelNames = ["method", "route", "status_code"] as const;
  const requests = new Counter({
    name: "unblock_http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status",
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "unblock_http_request_duration_seconds",
    help: "Time from receiving a request to answering it, by method, route pattern and status",
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook("onResponse", (request, reply, done) => {
    // The pattern, never the URL: ids and query strings would make a series per request.
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? "unmatched",
      status_code: String(reply.statusCode),
    };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
    done();
  });
  const stopWatching = registerDatabaseMetrics(registry, deps, readiness);
  app.addHook("onClose", async () => {
    stopWatching();
  });

  app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
    const refusal = metricsRefusal(request, access);
    if (refusal === 401) reply.header("www-authenticate", 'Bearer realm="unblock-metrics"');
    if (refusal) {
      return sendProblem(
        reply,
        problem(
          refusal,
          refusal === 401 ? "unauthenticated" : "forbidden",
          "Metrics answer only to UNBLOCK_METRICS_TOKEN as a bearer token, or to the addresses in UNBLOCK_METRICS_ALLOW.",
          { instance: request.url },
        ),
      );
    }
    const text = `${await processMetrics().metrics()}\n${await registry.metrics()}`;
    return reply.type(registry.contentType).send(text);
  });
}

/** Group commit, statements, pool, jobs and readiness; returns the function that stops watching batches. */
function registerDatabaseMetrics(registry: Registry, deps: AppDeps, readiness: Readiness): () => void {
  const batches = new Histogram({
    name: "unblock_status_write_batch_size",
    help: "Status writes per group-commit batch (one statement, one commit)",
    buckets: [1, 2, 4, 8, 16, 32, 64],
    registers: [registry],
  });
  new Counter({
    name: "unblock_db_queries_total",
    help: "Statements this process sent to the database",
    registers: [registry],
    collect() {
      const figures = databaseFigures(deps);
      this.reset();
      if (figures) this.inc(figures.queries);
    },
  });
  new Gauge({
    name: "unblock_db_pool_connections",
    help: "Connections of the PostgreSQL server pool: max, open (total), idle, and requests waiting for one",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const pool = databaseFigures(deps)?.pool;
      if (!pool) return;
      for (const [state, value] of Object.entries(pool)) this.set({ state }, value);
    },
  });
  new Gauge({
    name: "unblock_jobs",
    help: "Background jobs in each state (queued is the queue's depth)",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      // A database that does not answer leaves the series out rather than failing the scrape.
      const counts = await jobCountsByState(deps).catch(() => undefined);
      this.reset();
      for (const [state, value] of Object.entries(counts ?? {})) this.set({ state }, value);
    },
  });
  new Gauge({
    name: "unblock_ready",
    help: "1 while this instance should take traffic (GET /api/health/ready answers 200), else 0",
    registers: [registry],
    collect() {
      this.set(readiness.state === "ready" ? 1 : 0);
    },
  });
  return watchStatusWriteBatches((size) => batches.observe(size));
}

/** Undefined when the request may read the metrics; else the status to refuse it with. */
function metricsRefusal(request: FastifyRequest, access: MetricsAccess): 401 | 403 | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
  if (access.token && bearer && sameSecret(bearer, access.token)) return undefined;
  const address = request.ip.startsWith("::ffff:") ? request.ip.slice("::ffff:".length) : request.ip;
  if ((access.allow ?? loopbackAddresses).includes(address)) return undefined;
  return access.token ? 401 : 403;
}
