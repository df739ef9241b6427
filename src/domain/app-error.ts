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
  /** The violations in another language, when their sentences come from the catalogue. */
  readonly violationsTextIn: ((language: Language) => Violation[]) | null;
  /** Detail whose words follow the reader (a list of choices naming teams), over `detail`. */
  readonly detailTextIn: ((language: Language) => Record<string, unknown>) | null;

  constructor(
    code: AppErrorCode,
    message: string,
    options: {
      violations?: Violation[];
      detail?: Record<string, unknown>;
      textIn?: (language: Language) => string;
      violationsIn?: (language: Language) => Violation[];
      detailIn?: (language: Language) => Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.violations = options.violations ?? options.violationsIn?.("en") ?? [];
    this.detail = options.detail ?? {};
    this.textIn = options.textIn ?? null;
    this.violationsTextIn = options.violationsIn ?? null;
    this.detailTextIn = options.detailIn ?? null;
  }

  /** The message in `language`: the translated one where there is one, else the English. */
  messageIn(language: Language): string {
    return this.textIn ? this.textIn(language) : this.message;
  }

  /** The violations in `language`: codes and fields the same, the sentences translated where they can be. */
  violationsIn(language: Language): Violation[] {
    return this.violationsTextIn ? this.violationsTextIn(language) : this.violations;
  }

  /** The detail in `language`: the same keys, with the words of any that follow the reader. */
  detailIn(language: Language): Record<string, unknown> {
    return this.detailTextIn ? { ...this.detail, ...this.detailTextIn(language) } : this.detail;
  }
}

/**
 * A value of a said sentence: as it is, or written for the language (a role's
 * name, a state's word, a sentence of its own).
 */
export type SaidValue = string | number | ((language: Language) => string);
export type SaidParams = Readonly<Record<string, SaidValue>>;

/** A field's problem whose sentence is one of the error catalogue's, said in the asker's language. */
export interface SaidViolation {
  field: string;
  code: string;
  said: ErrorMessageKey;
  values?: SaidParams;
}

export function saidViolation(
  field: string,
  code: string,
  said: ErrorMessageKey,
  values: SaidParams = {},
): SaidViolation {
  return { field, code, said, values };
}

/** An AppError whose message is a sentence of the error catalogue, said in the asker's language. */
export function saidError(
  code: AppErrorCode,
  key: ErrorMessageKey,
  params: SaidParams = {},
  options: {
    violations?: (Violation | SaidViolation)[];
    detail?: Record<string, unknown>;
    detailIn?: (language: Language) => Record<string, unknown>;
  } = {},
): AppError {
  const textIn = (language: Language) => errorText.say(language, key, valuesIn(language, params));
  const { violations, ...rest } = options;
  const violationsIn = (language: Language): Violation[] =>
    (violations ?? []).map((found) =>
      "said" in found
        ? {
            field: found.field,
            code: found.code,
            message: errorText.say(language, found.said, valuesIn(language, found.values ?? {})),
          }
        : found,
    );
  return new AppError(code, textIn("en"), { ...rest, textIn, violationsIn });
}

/** Ids and versions are names, not quantities: "job 1234", never "job 1,234". */
function valuesIn(language: Language, params: SaidParams): MessageParams {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === "function" ? value(language) : String(value),
    ]),
  );
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
