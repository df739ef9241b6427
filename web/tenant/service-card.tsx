import { Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { EntitlementView } from "../api/api-types.ts";
import type { EditorTab } from "../editor/status-editor.tsx";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { formatCount, todayUtc } from "../shared/format.ts";
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
            {entitlement.stage === "delivery" ? "Delivery" : "Assignment"}
          </Badge>
          <Text size="xs" c="dimmed">
            {formatCount(entitlement.availableSeats)} seats
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
            No status recorded yet.
          </Text>
        ) : null}
      </Stack>
      <Group gap="xs" mt="sm">
        <Button
          size="xs"
          onClick={() => onOpen(entitlement.id, "edit")}
          aria-label={`Edit status of ${entitlement.service.name}`}
        >
          Edit status
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => onOpen(entitlement.id, "history")}
          aria-label={`History of ${entitlement.service.name}`}
        >
          History
        </Button>
      </Group>
    </Card>
  );
}
