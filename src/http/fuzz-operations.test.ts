import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign, bearerFor } from "../../test/factories/access.ts";
import { createEntitlement, createUser } from "../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../test/support/test-database.ts";
import { buildServer } from "./build-server.ts";

/**
 * Random requests against every operation of openapi.json, as an Admin and as
 * a Delivery FM: whatever the path, query and body, the answer is never a 5xx.
 * Bodies are drawn from each operation's schema (so many reach the use-case)
 * and from arbitrary JSON (so the parsers and guards are hit too). FUZZ_RUNS
 * sets the number of requests (default 300, about a minute).
 */

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
};

interface Operation {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query: { name: string; schema: JsonSchema }[];
  body: JsonSchema | null;
}

const spec = JSON.parse(readFileSync(new URL("../../openapi.json", import.meta.url), "utf8")) as {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; schema?: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
};

const operations: Operation[] = Object.entries(spec.paths).flatMap(([path, methods]) =>
  Object.entries(methods)
    .filter(([method]) => ["get", "post", "put", "patch", "delete"].includes(method))
    .map(([method, operation]) => ({
      method: method.toUpperCase() as Operation["method"],
      path,
      query: (operation.parameters ?? [])
        .filter((parameter) => parameter.in === "query")
        .map((parameter) => ({ name: parameter.name, schema: parameter.schema ?? {} })),
      body: operation.requestBody?.content?.["application/json"]?.schema ?? null,
    })),
);

const oddText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "9".repeat(30),
    "null",
    "%00",
    "\u0000",
    "x\ud837",
    "../..",
    "' or 1=1 --",
    "2025-02-30",
  ),
);

/** Values that fit the schema most of the time, and odd ones some of the time. */
function fromSchema(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && variants.length > 0)
    return fc.oneof(...variants.map((variant) => fromSchema(variant, depth)));
  if (schema.allOf?.[0]) return fromSchema(schema.allOf[0], depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), oddText);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "string":
      if (schema.format === "date")
        return fc.oneof(fc.constantFrom("2025-01-15", "2031-12-31", "1999-01-01"), oddText);
      if (schema.format === "uuid") return fc.oneof(fc.uuid(), oddText);
      return fc.oneof(fc.string({ maxLength: 40 }), oddText);
    case "integer":
    case "number":
      return fc.oneof(fc.integer({ min: -2, max: 200_000 }), fc.constantFrom(0, 1, 2 ** 53, -0.5, 1e308));
    case "boolean":
      return fc.boolean();
    case "array":
      return depth > 3
        ? fc.constant([])
        : fc.array(fromSchema(schema.items ?? {}, depth + 1), { maxLength: 3 });
    case "object": {
      if (depth > 3 || !schema.properties)
        return fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }));
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(schema.properties).map(
        ([key, value]) =>
          [
            key,
            required.has(key)
              ? fromSchema(value, depth + 1)
              : fc.option(fromSchema(value, depth + 1), { nil: undefined }),
          ] as const,
      );
      return fc.record(Object.fromEntries(entries));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A path segment as a client would send it; half a surrogate pair goes as its raw UTF-8 bytes. */
function pathSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "x%ED%A0%B7";
  }
}

describe("fuzzing every operation", () => {
  let database: TestDatabase;
  let server: FastifyInstance;
  let callers: { authorization: string }[];
  let entitlementId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    const deps = await makeTestDeps(database);
    const admin = await createUser(database.db, { role: "admin" });
    const fm = await createUser(database.db, { role: "delivery_fm" });
    const entitlement = await createEntitlement(database.db, { serviceId: "teams", stage: "delivery" });
    entitlementId = entitlement.id;
    await assign(database.db, fm.id, { tenantId: entitlement.tenantId });
    callers = [await bearerFor(deps, admin), await bearerFor(deps, fm)];
    server = await buildServer(deps, { webRoot: "/nonexistent" });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it("answers no 5xx to any request", async () => {
    const statuses = new Map<number, number>();
    const request = fc.constantFrom(...operations).chain((operation) =>
      fc.record({
        operation: fc.constant(operation),
        caller: fc.nat({ max: 1 }),
        pathValue: fc.oneof(fc.constant("known"), fc.uuid(), oddText),
        query: fc.tuple(
          ...operation.query.map(({ schema }) => fc.option(fromSchema(schema), { nil: undefined })),
        ),
        body: operation.body
          ? fc.oneof(fromSchema(operation.body), fc.jsonValue({ maxDepth: 3 }))
          : fc.constant(undefined),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ operation, caller, pathValue, query, body }) => {
        const value = pathValue === "known" ? entitlementId : pathValue;
        const path = operation.path.replace(/\{[^}]+\}/g, () => pathSegment(String(value)));
        const search = new URLSearchParams();
        operation.query.forEach(({ name }, position) => {
          const item = query[position];
          if (item !== undefined) search.append(name, typeof item === "string" ? item : JSON.stringify(item));
        });
        const url = search.size > 0 ? `${path}?${search}` : path;
        const response = await server.inject({
          method: operation.method,
          url,
          headers: {
            ...callers[caller]!,
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        });
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        expect(
          response.statusCode,
          `${operation.method} ${url} ${JSON.stringify(body)?.slice(0, 300)} -> ${response.body.slice(0, 300)}`,
        ).toBeLessThan(500);
      }),
      {
        numRuns: Number(process.env.FUZZ_RUNS ?? 300),
        seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
      },
    );
    // Requests that only ever bounced off validation would prove little: some must succeed.
    const succeeded = [...statuses].filter(([status]) => status < 300).reduce((sum, [, n]) => sum + n, 0);
    expect(succeeded, JSON.stringify(Object.fromEntries(statuses))).toBeGreaterThan(0);
  });
});
