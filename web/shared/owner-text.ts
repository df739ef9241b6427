import type { StoredSegment } from "../api/api-types.ts";
import { i18n } from "../i18n/i18n.ts";

/**
 * A segment's owner as lists show it (docs/OWNERS.md): a team with its people
 * ("Account Team: Ana Lopez, Bo Chen"), a person's name, or text that matched
 * nobody, marked unresolved; null without an owner.
 */
export function ownerText(segment: Pick<StoredSegment, "owner" | "ownerResolved">): string | null {
  const resolved = segment.ownerResolved;
  if (resolved) {
    return resolved.kind === "text"
      ? i18n.t("common.unresolved", { owner: resolved.display })
      : resolved.display;
  }
  return segment.owner || null;
}
