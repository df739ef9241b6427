import { ActionIcon, Group, Text } from "@mantine/core";

/** "Segment n", with the button that removes it when there is more than one. */
export function SegmentHeader({
  position,
  onRemove,
}: {
  position: number;
  onRemove?: (() => void) | undefined;
}) {
  return (
    <Group justify="space-between">
      <Text fw={700} size="sm">
        Segment {position + 1}
      </Text>
      {onRemove ? (
        <ActionIcon
          variant="subtle"
          color="red"
          onClick={onRemove}
          aria-label={`Remove segment ${position + 1}`}
        >
          ×
        </ActionIcon>
      ) : null}
    </Group>
  );
}
