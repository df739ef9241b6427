import { z } from "zod";
import { isPublic } from "../acting-user.ts";
import { titleByStatus } from "../problem.ts";
import { problemSchema } from "../schemas/common.ts";

/*
 * What every operation of the API document gets without its route saying
 * so, so that a route added tomorrow lints clean and generates a good client
 * as it is: an operationId, its security, the 4xx answers every route can
 * give (problem+json), and its tags listed with a description.
 */

interface Operation {
  operationId?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  responses?: Record<string, Response>;
  [key: string]: unknown;
}
interface Response {
  description?: string;
  content?: Record<string, { schema?: unknown }>;
  [key: string]: unknown;
}
export interface OpenApiDocument {
  info: Record<string, unknown>;
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; [key: string]: unknown };
  tags?: { name: string; description?: string }[];
  [key: string]: unknown;
}

/** How a caller proves who it is (docs/SECURITY.md, src/http/acting-user.ts). */
export const securitySchemes = {
  bearerToken: {
    type: "http",
    scheme: "bearer",
    description:
      "An API token (`ubk_...`) as `Authorization: Bearer`: `POST /api/auth/tokens`, or `unblock users token <email>`. Needs no CSRF header.",
  },
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "unblock_session",
    description: "The browser's session cookie, set by `POST /api/auth/login`.",
  },
  csrfToken: {
    type: "apiKey",
    in: "header",
    name: "x-csrf-token",
    description:
      "The session's CSRF token (`csrfToken` of `POST /api/auth/login` and `GET /api/me`), sent on every write made with the session cookie.",
  },
} as const;

/** Descriptions of the tags routes use; a tag missing here still gets listed, with a plain one. */
export const tagDescriptions: Record<string, string> = {
  system: "Liveness, readiness and what the instance runs",
  playbook: "The onboarding playbook the instance judges statuses by",
  portfolio: "Customers, tenants, entitlements, saved views, exports and the portfolio feed",
  status: "Recording and suggesting the status of an entitlement's seats",
  reports: "Reports over the tenants the caller may see",
  users: "Signing in, API tokens, users, assignments and the audit trail",
  webhooks: "Webhooks that receive status changes and other events",
  notifications: "Notices, digests and mail preferences",
};

const methods = ["get", "put", "post", "delete", "patch", "options", "head"];
const safeMethods = new Set(["get", "head", "options"]);
const problemRef = { $ref: "#/components/schemas/Problem" };
const problemMediaType = "application/problem+json";

/** The shared Problem schema of components/schemas (no `$schema`: it sits inside the document). */
function problemComponent(): Record<string, unknown> {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(problemSchema, { target: "draft-2020-12" });
  return schema;
}

const problemFields = ["code", "detail", "errors", "instance", "status", "title", "type"].join();

/** Whether a route's error schema is the shared problem schema (rather than one with fields of its own). */
function isProblemSchema(schema: unknown): boolean {
  const properties = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties !== undefined && Object.keys(properties).sort().join() === problemFields;
}

/**
 * A stable operationId from the method and the path: `GET /api/entitlements/{id}/history`
 * is `getEntitlementsByIdHistory`. A route names a better one with `schema.operationId`.
 */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .split("/")
    .filter((segment) => segment !== "" && segment !== "api")
    .flatMap((segment) => {
      const parameter = /^\{(.+)\}$/.exec(segment)?.[1];
      return parameter ? ["by", ...wordsOf(parameter)] : wordsOf(segment);
    });
  return [method.toLowerCase(), ...words.map((word) => word[0]!.toUpperCase() + word.slice(1))].join("");
}

function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** The security requirement of an operation: none for public paths, and a CSRF header on cookie writes. */
export function securityOf(method: string, path: string): Record<string, string[]>[] {
  const examplePath = path.replace(/\{[^}]+\}/g, "x");
  if (!examplePath.startsWith("/api/") || isPublic(examplePath)) return [];
  const session: Record<string, string[]> = safeMethods.has(method)
    ? { sessionCookie: [] }
    : { sessionCookie: [], csrfToken: [] };
  return [{ bearerToken: [] }, session];
}

/** Fills in what every operation needs (see the top of this file); the document is changed in place. */
export function completeDocument<Document extends OpenApiDocument>(document: Document): Document {
  document.components ??= {};
  const components = document.components;
  components.schemas = { ...components.schemas, Problem: problemComponent() };
  components.securitySchemes = securitySchemes;
  const seen = new Map<string, string>();
  const usedTags = new Set<string>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!methods.includes(method)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      operation.operationId ??= operationIdOf(method, path);
      const other = seen.get(operation.operationId);
      if (other) throw new Error(`${where} and ${other} have the same operationId ${operation.operationId}`);
      seen.set(operation.operationId, where);
      operation.security ??= securityOf(method, path);
      operation.responses = withProblems(operation.responses ?? {}, operation.security.length > 0);
      for (const tag of operation.tags ?? []) usedTags.add(tag);
    }
  }
  const listed = new Map((document.tags ?? []).map((tag) => [tag.name, tag]));
  for (const tag of usedTags) if (!listed.has(tag)) listed.set(tag, { name: tag });
  document.tags = [...listed.values()].map((tag) => ({
    ...tag,
    description: tag.description ?? tagDescriptions[tag.name] ?? `Operations on ${tag.name}`,
  }));
  return document;
}

/**
 * Every operation validates its input (400); one behind sign-in also answers
 * 401 and 403. Each 4xx and 5xx answer is problem+json: the shared Problem
 * schema, or the route's own (a 409 carrying the current state) under that
 * media type.
 */
function withProblems(responses: Record<string, Response>, signedIn: boolean): Record<string, Response> {
  const codes = ["400", ...(signedIn ? ["401", "403"] : [])];
  const all: Record<string, Response> = { ...responses };
  for (const code of codes) all[code] ??= {};
  for (const [code, response] of Object.entries(all)) {
    if (Number(code) < 400) continue;
    const schema = Object.values(response.content ?? {})[0]?.schema;
    const generic = schema === undefined || isProblemSchema(schema);
    all[code] = {
      ...response,
      description:
        response.description && response.description !== "RFC 9457 problem details"
          ? response.description
          : (titleByStatus[Number(code)] ?? "Error"),
      content: { [problemMediaType]: { schema: generic ? problemRef : schema } },
    };
  }
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
}
