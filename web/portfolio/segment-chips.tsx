import { VisuallyHidden } from "@mantine/core";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { StoredSegment } from "../api/api-types.ts";
import { i18n } from "../i18n/i18n.ts";
import { playbookHref } from "../playbook/taxonomy-links.tsx";
import { Link } from "../router/link.tsx";
import { textOn } from "../shared/contrast.ts";
import { formatCount } from "../shared/format.ts";

export function classificationText(index: PlaybookIndex, segment: StoredSegment): string {
  const l1 = index.l1(segment.l1);
  const l2 = segment.l2 ? index.l2(segment.l1, segment.l2) : undefined;
  const l3 = segment.l2 && segment.l3 ? index.l3(segment.l1, segment.l2, segment.l3) : undefined;
  return [l1?.name ?? segment.l1, l2?.name ?? segment.l2, l3?.name ?? segment.l3].filter(Boolean).join(" › ");
}

/**
 * One chip per segment in its L1 colour with the seat count; plain elements with
 * a title (not popovers) because a screen of the portfolio holds hundreds.
 */
export function SegmentChips({
  index,
  segments,
}: {
  index: PlaybookIndex;
  segments: readonly StoredSegment[];
}) {
  if (segments.length === 0) {
    return <span style={{ color: "var(--mantine-color-dimmed)" }}>{i18n.t("common.noStatus")}</span>;
  }
  return (
    <>
      {segments.map((segment, position) => {
        const color = index.l1(segment.l1)?.color ?? "#868e96";
        const text = i18n.t("portfolio.table.chip", {
          classification: classificationText(index, segment),
          seats: formatCount(segment.seats),
        });
        return (
          <Link
            // biome-ignore lint/suspicious/noArrayIndexKey: segments have no id; their position is their identity
            key={position}
            href={playbookHref(segment.l1, segment.l2, segment.l3)}
            className="segment-chip"
            // White or dark text, whichever reads better on the L1's colour (red #fa5252 takes dark text).
            style={{ background: color, color: textOn(color) }}
            title={text}
          >
            {/* The visible words start the accessible name (WCAG 2.5.3); the rest is read, not shown. */}
            {shortName(index, segment.l1)} {formatCount(segment.seats)}
            <VisuallyHidden component="span">
              {i18n.t("portfolio.table.chipHidden", { classification: classificationText(index, segment) })}
            </VisuallyHidden>
          </Link>
        );
      })}
    </>
  );
}

function shortName(index: PlaybookIndex, l1: string): string {
  return index.l1(l1)?.name ?? l1;
}
