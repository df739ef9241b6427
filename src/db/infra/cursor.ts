import { type AppError, saidError, saidViolation } from "../../domain/app-error.ts";
import type { ErrorMessageKey } from "../../domain/i18n/error-messages-en.ts";
import { isUuid } from "./raw-rows.ts";

/**
 * How a keyset value is typed in SQL; the cursor keeps it as text and casts it
 * back. "micros" is a timestamptz kept as whole microseconds since the epoch,
 * so the cursor is exact whatever the session's date style.
 */
export type KeyCast = "text" | "date" | "bigint" | "int" | "numeric" | "micros";

/**
 * Where a page ended: the sort key values of its last row plus that row's id,
 * so the next page starts strictly after it even when sort keys tie. The
 * cursor names the listing and sort it belongs to; a cursor from another sort
 * is refused rather than silently skipping or repeating rows.
 */
export interface CursorPosition {
  keys: string[];
  id: string;
}

export function encodeCursor(scope: string, position: CursorPosition): string {
  return Buffer.from(JSON.stringify({ s: scope, k: position.keys, i: position.id }), "utf8").toString(
    "base64url",
  );
}

const keyPatterns: Record<KeyCast, RegExp> = {
  text: /^[\s\S]*$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  bigint: /^-?\d{1,19}$/,
  int: /^-?\d{1,10}$/,
  numeric: /^-?\d{1,20}(\.\d{1,40})?$/,
  micros: /^-?\d{1,16}$/,
};

/** Reads a cursor for `scope` whose keys have the given types; throws validation_failed (cursor_invalid) otherwise. */
export function decodeCursor(cursor: string, scope: string, casts: readonly KeyCast[]): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor("cursor_not_issued");
  }
  const value = parsed as { s?: unknown; k?: unknown; i?: unknown } | null;
  if (!value || typeof value !== "object" || value.s !== scope) {
    throw invalidCursor("cursor_other_listing");
  }
  const keys = value.k;
  const id = value.i;
  const keysValid =
    Array.isArray(keys) &&
    keys.length === casts.length &&
    keys.every((key, position) => typeof key === "string" && keyPatterns[casts[position]!].test(key));
  if (!keysValid || typeof id !== "string" || !isUuid(id)) {
    throw invalidCursor("cursor_damaged");
  }
  return { keys: keys as string[], id };
}

/** Said on the way out in the asker's language; the code stays cursor_invalid. */
function invalidCursor(reason: ErrorMessageKey): AppError {
  return saidError(
    "validation_failed",
    reason,
    {},
    { violations: [saidViolation("cursor", "cursor_invalid", reason)] },
  );
}
