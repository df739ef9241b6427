import type { Violation } from "../../src/domain/violation.ts";

/**
 * Which of the rules' findings the editor shows now. A field's error waits
 * until the user has left the field (or pressed Save), so choosing an L1 does
 * not paint the fields it asks for red before anything was typed in them.
 * `left` holds the paths of the fields the user has left ("segments.0.note").
 */
export function shownViolations(
  violations: readonly Violation[],
  left: ReadonlySet<string>,
  attempted: boolean,
): Violation[] {
  if (attempted) return [...violations];
  return violations.filter((found) => wasLeft(found.field, left));
}

function wasLeft(field: string, left: ReadonlySet<string>): boolean {
  if (left.has(field)) return true;
  const paths = [...left];
  // The seat total: once a seat count was left.
  if (field === "segments") return paths.some((path) => /^segments\.\d+\.seats$/.test(path));
  // A segment as a whole: once one of its fields was left.
  if (/^segments\.\d+$/.test(field)) return paths.some((path) => path.startsWith(`${field}.`));
  return false;
}

export interface RemainingWork {
  /** Fields the rules need and the draft leaves empty. */
  toFill: number;
  /** Every other problem: a value the rules refuse, seats that do not add up. */
  toFix: number;
}

/** What the footer counts: fields to fill apart from other problems, each field once. */
export function remainingWork(violations: readonly Violation[]): RemainingWork {
  const fill = new Set<string>();
  const fix = new Set<string>();
  for (const found of violations) {
    if (found.code.endsWith("_required")) fill.add(found.field);
    else fix.add(`${found.field} ${found.code}`);
  }
  return { toFill: fill.size, toFix: fix.size };
}
