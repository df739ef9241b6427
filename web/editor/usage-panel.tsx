import { Alert, Group, Paper, Stack, Text } from "@mantine/core";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { assessUsage, resplitSentence, shareText } from "../../src/domain/usage/assess-usage.ts";
import type { EntitlementView } from "../api/api-types.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { formatDate, formatDateTime } from "../shared/format.ts";

const UsageSparkline = lazy(() => import("./usage-sparkline.tsx"));

export interface UsagePanelProps {
  entitlement: EntitlementView;
  /** The status to read usage against: the one being typed, so flags follow the edit. */
  segments: readonly { l1: string; seats: number }[];
  today: string;
}

/** Usage beside the status: seats active, share, phase, trend, and what contradicts the status. */
export function UsagePanel({ entitlement, segments, today }: UsagePanelProps) {
  const { t } = useTranslation();
  const index = usePlaybook();
  const input = { availableSeats: entitlement.availableSeats, segments, usage: entitlement.usage, today };
  const usage = assessUsage(index.playbook, input, index.text);
  const phase = usage.phase
    ? (index.playbook.serviceStatuses.find((status) => status.id === usage.phase)?.name ?? usage.phase)
    : null;
  const storedSeats = entitlement.segments.reduce((sum, segment) => sum + segment.seats, 0);
  return (
    <Stack gap="xs">
      {entitlement.endedAt ? (
        <Alert color="gray" title={t("editor.usage.ended")}>
          {t("editor.usage.endedBody", { when: formatDateTime(entitlement.endedAt) })}
        </Alert>
      ) : null}
      {entitlement.resplitNeeded ? (
        <Alert color="orange" title={t("editor.usage.resplit")}>
          {resplitSentence(entitlement.availableSeats, storedSeats, index.text)}
        </Alert>
      ) : null}
      <Paper withBorder p="sm">
        {usage.activeSeats === null ? (
          <Text size="sm" c="dimmed">
            {t("editor.usage.none")}
          </Text>
        ) : (
          <Group justify="space-between" align="center">
            <Text size="sm">
              {t("editor.usage.active", {
                count: usage.activeSeats,
                date: formatDate(usage.date),
              })}
              {usage.sharePercent === null
                ? ""
                : t("editor.usage.share", { share: shareText(usage.sharePercent) })}
              {phase ? t("editor.usage.phase", { phase }) : t("editor.usage.belowAdoption")}
            </Text>
            {usage.trend.length > 1 ? (
              <Suspense fallback={null}>
                <UsageSparkline trend={usage.trend} />
              </Suspense>
            ) : null}
          </Group>
        )}
      </Paper>
      {usage.contradictions.map((contradiction) => (
        <Alert key={contradiction.kind} color="yellow" title={t("editor.usage.contradicts")}>
          {contradiction.message}
        </Alert>
      ))}
    </Stack>
  );
}
