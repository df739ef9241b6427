import type { Violation } from "../../src/domain/violation.ts";
import { takeEarly } from "./early-responses.ts";

/** An RFC 9457 problem the API answered with; `errors` name the fields at fault. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: Violation[];
  readonly problem: Record<string, unknown>;

  constructor(status: number, problem: Record<string, unknown>) {
    const detail = typeof problem.detail === "string" ? problem.detail : `Request failed (${status})`;
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.code = typeof problem.code === "string" ? problem.code : "error";
    this.errors = Array.isArray(problem.errors) ? (problem.errors as Violation[]).map(withoutBodyPrefix) : [];
    this.problem = problem;
  }
}

/**
 * Request validation errors name their place as "body.segments.0.seats"; the
 * rules say "segments.0.seats". The form only knows the second spelling.
 */
function withoutBodyPrefix(found: Violation): Violation {
  return found.field.startsWith("body.") ? { ...found, field: found.field.slice(5) } : found;
}

/** Header carrying the session's CSRF token on writes made with the sign-in cookie. */
const csrfHeader = "x-csrf-token";
let csrfToken: string | null = null;

/** Kept from /api/me or the sign-in answer; sent back on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal | undefined;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const method = options.method ?? "GET";
  if (method !== "GET" && csrfToken) headers[csrfHeader] = csrfToken;
  const early = method === "GET" ? takeEarly(path) : undefined;
  const response = await (early ??
    fetch(`/api${path}`, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    }));
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : null;
  if (!response.ok) {
    const problem =
      parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : { detail: text };
    throw new ApiError(response.status, problem);
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}

/** A query string from a record, skipping empty values. */
export function toQuery(values: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Sends files as multipart/form-data (the browser sets the boundary); answers as apiRequest does. */
export async function apiUpload<T>(path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (csrfToken) headers[csrfHeader] = csrfToken;
  const response = await fetch(`/api${path}`, {
    method: "POST",
    headers,
    credentials: "same-origin",
    body: form,
  });
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : null;
  if (!response.ok) {
    const problem =
      parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : { detail: text };
    throw new ApiError(response.status, problem);
  }
  return parsed as T;
}
