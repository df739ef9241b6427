import { ActionIcon, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** "Segment n", with the button that removes it when there is more than one. */
export function SegmentHeader({
  position,
  onRemove,
}: {
  position: number;
  onRemove?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      <Text fw={700} size="sm">
        {t("editor.segment.title", { number: position + 1 })}
      </Text>
      {onRemove ? (
        <ActionIcon
          variant="subtle"
          color="red"
          onClick={onRemove}
          aria-label={t("editor.segment.remove", { number: position + 1 })}
        >
          ×
        </ActionIcon>
      ) : null}
    </Group>
  );
}
