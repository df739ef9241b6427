import { scenarioFields } from "./rules/scenario-fields.ts";
import type { StatusSegment } from "./status-segment.ts";

/** Everything a segment records: its seats, its status, the scenario's fields and its split reason. */
const compared = [
  "seats",
  "l1",
  "scenarioId",
  ...scenarioFields,
  "splitReason",
] as const satisfies readonly (keyof StatusSegment)[];

/**
 * Whether two segment lists record the same status, position by position.
 * Empty text and null mean the same (nothing recorded), so a re-imported file
 * whose blank cells match stored nulls is unchanged.
 */
export function sameSegments(a: readonly StatusSegment[], b: readonly StatusSegment[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((segment, position) => {
    const other = b[position]!;
    return (
      compared.every((field) => (segment[field] || null) === (other[field] || null)) &&
      sameOwnerRef(segment, other)
    );
  });
}

/** The same resolved owner; a side not resolved yet (undefined) is judged by its text alone. */
function sameOwnerRef(a: StatusSegment, b: StatusSegment): boolean {
  if (a.ownerRef === undefined || b.ownerRef === undefined) return true;
  const key = (segment: StatusSegment) => {
    const ref = segment.ownerRef;
    if (!ref) return null;
    return ref.kind === "person" ? `person:${ref.userId}` : `team:${ref.role}`;
  };
  return key(a) === key(b);
}
