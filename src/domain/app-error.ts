import type { ErrorMessageKey } from "./i18n/error-messages-en.ts";
import type { Language } from "./i18n/languages.ts";
import type { MessageParams } from "./i18n/rule-text.ts";
import { errorText } from "./i18n/server-texts.ts";
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
  /**
   * The message in another language, for the person who asked (the HTTP
   * layer writes `detail` with it); `message` is the English one (CLI, logs).
   */
  readonly textIn: ((language: Language) => string) | null;

  constructor(
    code: AppErrorCode,
    message: string,
    options: {
      violations?: Violation[];
      detail?: Record<string, unknown>;
      textIn?: (language: Language) => string;
    } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.violations = options.violations ?? [];
    this.detail = options.detail ?? {};
    this.textIn = options.textIn ?? null;
  }

  /** The message in `language`: the translated one where there is one, else the English. */
  messageIn(language: Language): string {
    return this.textIn ? this.textIn(language) : this.message;
  }
}

/** An AppError whose message is a sentence of the error catalogue, said in the asker's language. */
export function saidError(
  code: AppErrorCode,
  key: ErrorMessageKey,
  params: MessageParams = {},
  options: { violations?: Violation[]; detail?: Record<string, unknown> } = {},
): AppError {
  // Ids and versions are names, not quantities: "job 1234", never "job 1,234".
  const values = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));
  const textIn = (language: Language) => errorText.say(language, key, values);
  return new AppError(code, textIn("en"), { ...options, textIn });
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
