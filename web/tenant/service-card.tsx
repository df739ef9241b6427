import { Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { EntitlementView } from "../api/api-types.ts";
import type { EditorTab } from "../editor/status-editor.tsx";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { todayUtc } from "../shared/format.ts";
import { SeatBar } from "./seat-bar.tsx";
import { SegmentSummary } from "./segment-summary.tsx";

/** One service of the tenant: its stage, seats by status, each segment in a line, and Edit / History. */
export function ServiceCard({
  entitlement,
  onOpen,
}: {
  entitlement: EntitlementView;
  onOpen: (id: string, tab: EditorTab) => void;
}) {
  const { t } = useTranslation();
  const index = usePlaybook();
  const today = todayUtc();
  return (
    <Card withBorder padding="sm" component="section" aria-label={entitlement.service.name}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Title order={3} size="h5">
          {entitlement.service.name}
        </Title>
        <Group gap={4}>
          <Badge variant="light" color={entitlement.stage === "delivery" ? "indigo" : "gray"}>
            {t(`common.stage.${entitlement.stage}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {t("tenant.seats", { count: entitlement.availableSeats })}
          </Text>
        </Group>
      </Group>
      <SeatBar index={index} segments={entitlement.segments} availableSeats={entitlement.availableSeats} />
      <Stack gap={6} mt="sm">
        {entitlement.segments.map((segment, position) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no id; their position is their identity
          <SegmentSummary key={position} segment={segment} today={today} />
        ))}
        {entitlement.segments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("tenant.noStatus")}
          </Text>
        ) : null}
      </Stack>
      <Group gap="xs" mt="sm">
        <Button
          size="xs"
          onClick={() => onOpen(entitlement.id, "edit")}
          aria-label={t("tenant.editOf", { service: entitlement.service.name })}
        >
          {t("tenant.edit")}
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => onOpen(entitlement.id, "history")}
          aria-label={t("tenant.historyOf", { service: entitlement.service.name })}
        >
          {t("tenant.history")}
        </Button>
      </Group>
    </Card>
  );
}
