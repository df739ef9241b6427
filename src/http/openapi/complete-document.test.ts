import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { completeDocument, type OpenApiDocument, operationIdOf, securityOf } from "./complete-document.ts";

describe("what every operation of the API document gets without its route saying so", () => {
  it("derives a stable operationId from the method and path", () => {
    expect(operationIdOf("get", "/api/entitlements/{id}/history")).toBe("getEntitlementsByIdHistory");
    expect(operationIdOf("post", "/api/webhooks/{id}/deliveries/{deliveryId}/redeliver")).toBe(
      "postWebhooksByIdDeliveriesByDeliveryIdRedeliver",
    );
    expect(operationIdOf("get", "/api/export.csv")).toBe("getExportCsv");
    expect(operationIdOf("get", "/api/reports/blocked-by-l3")).toBe("getReportsBlockedByL3");
  });

  it("asks for a token or the session cookie, with the CSRF header on writes, and nothing on public paths", () => {
    expect(securityOf("get", "/api/tenants/{id}")).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
    expect(securityOf("delete", "/api/webhooks/{id}")).toEqual([
      { bearerToken: [] },
      { sessionCookie: [], csrfToken: [] },
    ]);
    expect(securityOf("get", "/api/health/ready")).toEqual([]);
    expect(securityOf("post", "/api/auth/login")).toEqual([]);
    expect(securityOf("post", "/unsubscribe")).toEqual([]);
  });

  it("completes a route that declared only its answer, and keeps what a route declared itself", () => {
    const document: OpenApiDocument = {
      info: { title: "t", version: "1" },
      tags: [{ name: "status" }],
      paths: {
        "/api/things/{id}": {
          put: { tags: ["things"], responses: { 200: { description: "ok" } } },
          get: {
            operationId: "readThing",
            responses: {
              409: {
                description: "Conflict with the current thing",
                content: { "application/json": { schema: { properties: { current: {} } } } },
              },
            },
          },
        },
      },
    };
    completeDocument(document);
    const put = document.paths?.["/api/things/{id}"]?.put;
    expect(put?.operationId).toBe("putThingsById");
    expect(put?.security).toEqual([{ bearerToken: [] }, { sessionCookie: [], csrfToken: [] }]);
    expect(Object.keys(put?.responses ?? {})).toEqual(["200", "400", "401", "403"]);
    expect(put?.responses?.["401"]).toEqual({
      description: "Sign-in required",
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    });
    const get = document.paths?.["/api/things/{id}"]?.get;
    expect(get?.operationId).toBe("readThing");
    expect(get?.responses?.["409"]).toEqual({
      description: "Conflict with the current thing",
      content: { "application/problem+json": { schema: { properties: { current: {} } } } },
    });
    expect(document.tags?.map((tag) => tag.name)).toEqual(["status", "things"]);
    expect(document.tags?.every((tag) => tag.description)).toBe(true);
    expect(document.components?.schemas).toHaveProperty("Problem");
  });

  it("refuses two operations with one operationId", () => {
    const twice: OpenApiDocument = {
      info: {},
      paths: { "/a": { get: { operationId: "same" } }, "/b": { get: { operationId: "same" } } },
    };
    expect(() => completeDocument(twice)).toThrow(/GET \/b and GET \/a have the same operationId same/);
  });

  it("holds for every operation of the committed openapi.json", () => {
    const document = JSON.parse(
      readFileSync(new URL("../../../openapi.json", import.meta.url), "utf8"),
    ) as OpenApiDocument;
    expect(document.servers).toBeDefined();
    const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ where: `${method} ${path}`, ...operation })),
    );
    expect(operations.length).toBeGreaterThan(40);
    for (const operation of operations) {
      expect(operation.operationId, operation.where).toMatch(/^[a-z][A-Za-z0-9]+$/);
      expect(operation.security, operation.where).toBeDefined();
      const problems = Object.entries(operation.responses ?? {}).filter(([code]) => code.startsWith("4"));
      expect(problems.length, operation.where).toBeGreaterThan(0);
      for (const [, response] of problems) {
        expect(Object.keys(response.content ?? {}), operation.where).toEqual(["application/problem+json"]);
      }
    }
  });
});
