import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  createJsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { AppDeps } from "../app/app-deps.ts";
import { oidcClient } from "../app/auth/oidc-client.ts";
import type { OidcConfig } from "../config.ts";
import { authenticationHook } from "./acting-user.ts";
import { refuseNulCharacters } from "./auth/nul-guard.ts";
import { databaseRateLimitStore } from "./auth/rate-limit-store.ts";
import { securityHeaders } from "./auth/security-headers.ts";
import type { FeedUploadLimits } from "./feed-upload.ts";
import { completeDocument, type OpenApiDocument } from "./openapi/complete-document.ts";
import { type MetricsAccess, registerMetrics } from "./operations/metrics.ts";
import { Readiness } from "./operations/readiness.ts";
import { readyRoute } from "./operations/ready-route.ts";
import { handleError, problem, sendProblem } from "./problem.ts";
import { registerRoutes } from "./routes/register-routes.ts";
import { unsubscribeRoutes } from "./routes/unsubscribe-routes.ts";

export interface ServerOptions {
  /** pino logger options, or false to stay quiet (tests). */
  logger?: boolean | { level: string };
  /**
   * No longer used: requests act as the user of their session cookie or API
   * token (see docs/SECURITY.md). Accepted so older callers still compile.
   */
  defaultUser?: string;
  /** Sign-in attempts allowed per client address per window (default 10 a minute). */
  loginRateLimit?: { max: number; timeWindow: number };
  /** Behind a reverse proxy: trust its X-Forwarded-* headers (https detection for Secure cookies, client address). */
  trustProxy?: boolean;
  /** Single sign-on through an OpenID Connect provider (UNBLOCK_OIDC_*); off when undefined. */
  oidc?: OidcConfig | undefined;
  /** Folder of the built web app; defaults to dist/web when it exists. */
  webRoot?: string | undefined;
  /** Limits of a portfolio feed upload (POST /api/portfolio/sync); 1 GiB a file by default. */
  feedUploadLimits?: FeedUploadLimits;
  /** What GET /api/health/ready reports; ready by default (deps are migrated and loaded by then). */
  readiness?: Readiness;
  /** Who may read GET /metrics; loopback addresses only by default. */
  metrics?: MetricsAccess;
}

export const apiVersion = "0.1.0";

const defaultWebRoot = fileURLToPath(new URL("../../dist/web", import.meta.url));

export async function buildServer(deps: AppDeps, options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // 1 MiB is ample for status edits; CSV imports go through the CLI or stream.
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest("authentication", null);
  const readiness = options.readiness ?? new Readiness("ready");
  registerMetrics(app, deps, readiness, options.metrics ?? {});
  const headers = securityHeaders();
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  // Only routes that opt in (sign-in) are limited; the limit answers 429 problem+json.
  await app.register(fastifyRateLimit, {
    global: false,
    // Counted in the database, so that servers behind a load balancer share the counts.
    store: databaseRateLimitStore(deps),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: "rate_limited",
      message: `Too many attempts from this address; try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
    }),
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/")) {
      return sendProblem(
        reply,
        problem(404, "route_not_found", `No API route ${request.method} ${request.url}`),
      );
    }
    const webRoot = options.webRoot ?? defaultWebRoot;
    if (request.method === "GET" && existsSync(`${webRoot}/index.html`)) {
      // Client-side routes (/tenants/..., /dashboards) all load the single-page app.
      return reply.type("text/html").sendFile("index.html", webRoot);
    }
    return sendProblem(reply, problem(404, "not_found", `Nothing at ${request.url}`));
  });
  app.addHook("onSend", async (request, reply, payload) => {
    reply.header("x-request-id", request.id);
    return payload;
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Unblock API",
        description:
          "Status of licensed seats per customer tenant and service, held to the onboarding playbook. Errors are RFC 9457 problem+json with field-level `errors`.",
        version: apiVersion,
      },
      servers: [
        {
          url: "http://127.0.0.1:3000",
          description:
            "`unblock serve` on this machine, at its default HOST and PORT; use your deployment's address",
        },
      ],
      tags: [
        { name: "system" },
        { name: "playbook" },
        { name: "portfolio" },
        { name: "status" },
        { name: "reports" },
        { name: "users" },
        { name: "webhooks" },
        { name: "notifications" },
      ],
    },
    transform: createJsonSchemaTransform({ skipList: ["/api/docs", "/api/docs/*", "/api/openapi.json"] }),
    // Every operation's operationId, security, problem answers and tags, whoever wrote its route.
    transformObject: (documentObject) => {
      if (!("openapiObject" in documentObject)) return documentObject.swaggerObject;
      completeDocument(documentObject.openapiObject as unknown as OpenApiDocument);
      return documentObject.openapiObject;
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  // Parses the Cookie header into request.cookies before the sign-in is looked up.
  await app.register(fastifyCookie, { hook: "onRequest" });
  app.addHook("onRequest", authenticationHook(deps));
  app.addHook("preValidation", refuseNulCharacters);
  const loginRateLimit = options.loginRateLimit ?? { max: 10, timeWindow: 60_000 };
  const oidc = options.oidc ? oidcClient(options.oidc) : undefined;
  await app.register(
    async (api) => {
      registerRoutes(
        api.withTypeProvider<ZodTypeProvider>(),
        deps,
        { loginRateLimit, oidc },
        options.feedUploadLimits,
      );
      readyRoute(api.withTypeProvider<ZodTypeProvider>(), deps, readiness);
    },
    { prefix: "/api" },
  );
  // Outside /api: the link in every mail, used with no sign-in (the token is signed).
  await app.register(async (root) => unsubscribeRoutes(root.withTypeProvider<ZodTypeProvider>(), deps));

  const webRoot = options.webRoot ?? defaultWebRoot;
  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      // The build writes .br and .gz copies; the one the browser accepts is sent as is.
      preCompressed: true,
      setHeaders: (reply, path) => {
        // Built assets carry a content hash in their name: a changed file gets a new name, so cache for good.
        // index.html names the current assets, so it is checked every time.
        reply.header(
          "cache-control",
          /[\\/]assets[\\/]/.test(path) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
  } else {
    app.get("/", { schema: { hide: true } }, async (_request, reply) =>
      reply.type("text/html").send(placeholderPage()),
    );
  }
  return app;
}

function placeholderPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unblock</title></head>
<body style="font-family: system-ui; max-width: 40rem; margin: 3rem auto">
<h1>Unblock</h1><p>The API is running. The web app is not built yet: run <code>npm run build</code>.</p>
<ul><li><a href="/api/docs">API documentation</a></li><li><a href="/api/health">Health</a></li>
<li><a href="/api/entitlements?l1=blocked">Blocked entitlements (JSON)</a></li></ul></body></html>`;
}
