import type { Violation } from "./violation.ts";

/**
 * Stable error codes of the core. The HTTP layer maps each to a status code in
 * one table (src/http/problem.ts); the CLI maps them to exit codes. The core
 * never knows about HTTP.
 */
export const appErrorCodes = [
  "validation_failed",
  "not_found",
  "conflict",
  "version_conflict",
  "forbidden",
  "unauthenticated",
  "playbook_invalid",
  "import_failed",
] as const;

export type AppErrorCode = (typeof appErrorCodes)[number];

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly violations: Violation[];
  /** Extra machine-readable detail (e.g. the current state on a version conflict). */
  readonly detail: Record<string, unknown>;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { violations?: Violation[]; detail?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.violations = options.violations ?? [];
    this.detail = options.detail ?? {};
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
