import { Anchor, Group } from "@mantine/core";
import { i18n } from "../i18n/i18n.ts";
import { playbookHref } from "../playbook/taxonomy-links.tsx";
import { Link } from "../router/link.tsx";
import { colorVar, palette } from "./chart-style.ts";
import { noL2 } from "./l2-pivot.ts";

/** The L2 chart's legend, each reason linking to its page in the playbook. */
export function L2Legend({ series }: { series: ReadonlyArray<{ key: string; label: string }> }) {
  return (
    <Group gap="xs" mt="xs" aria-label={i18n.t("dashboards.legend")} role="list">
      {series.map((entry, at) => (
        <Anchor
          key={entry.key}
          role="listitem"
          component={Link}
          href={entry.key === noL2 ? playbookHref("blocked") : playbookHref("blocked", entry.key)}
          size="xs"
          c="dark"
        >
          <span className="seat-bar-legend" style={{ background: colorVar(palette[at % palette.length]!) }} />
          {entry.label}
        </Anchor>
      ))}
    </Group>
  );
}
