import type { StoredSegment } from "../api/api-types.ts";

/**
 * A segment's owner as lists show it (docs/OWNERS.md): a team with its people
 * ("Account Team: Ana Lopez, Bo Chen"), a person's name, or text that matched
 * nobody, marked unresolved; null without an owner.
 */
export function ownerText(segment: Pick<StoredSegment, "owner" | "ownerResolved">): string | null {
  const resolved = segment.ownerResolved;
  if (resolved) return resolved.kind === "text" ? `${resolved.display} (unresolved)` : resolved.display;
  return segment.owner || null;
}
