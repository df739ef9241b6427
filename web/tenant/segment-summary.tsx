import { Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { EntitlementView } from "../api/api-types.ts";
import { TaxonomyPath } from "../playbook/taxonomy-links.tsx";
import { formatCount, formatDate, isOverdue } from "../shared/format.ts";
import { ownerText } from "../shared/owner-text.ts";

/** One status segment in a line: seats and classification, owner, dates and next action, the note's start. */
export function SegmentSummary({
  segment,
  today,
}: {
  segment: EntitlementView["segments"][number];
  today: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Group gap={6}>
        <Text size="sm" fw={600}>
          {formatCount(segment.seats)}
        </Text>
        <TaxonomyPath l1={segment.l1} l2={segment.l2} l3={segment.l3} />
      </Group>
      <Text size="xs" c="dimmed">
        {[
          segment.owner ? t("tenant.owner", { owner: ownerText(segment) }) : null,
          segment.targetDate ? t("tenant.target", { date: formatDate(segment.targetDate) }) : null,
          segment.nextAction
            ? segment.nextActionDate
              ? t("tenant.nextOn", { action: segment.nextAction, date: formatDate(segment.nextActionDate) })
              : t("tenant.next", { action: segment.nextAction })
            : null,
        ]
          .filter(Boolean)
          .join(" · ")}
        {isOverdue(segment, today) ? " · " : ""}
        {isOverdue(segment, today) ? (
          <Text span c="red" size="xs" fw={700}>
            {t("tenant.overdue")}
          </Text>
        ) : null}
      </Text>
      {segment.note ? (
        <Text size="xs" lineClamp={2}>
          {segment.note}
        </Text>
      ) : null}
    </Stack>
  );
}
