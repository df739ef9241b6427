import { ActionIcon, Button, FileButton, Group, Paper, Stack, Text } from "@mantine/core";
import { type DragEvent, useState } from "react";
import { i18n } from "../i18n/i18n.ts";

interface Props {
  files: readonly File[];
  unknownFiles: readonly string[];
  disabled: boolean;
  onAdd: (files: File[]) => void;
  onRemove: (name: string) => void;
}

/** Choose or drop the feed files; each is listed with its size and can be taken out again. */
export function FeedFilePicker({ files, unknownFiles, disabled, onAdd, onRemove }: Props) {
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) onAdd([...event.dataTransfer.files]);
  };
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      bg={over ? "blue.0" : undefined}
      style={{ borderStyle: "dashed" }}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <Stack gap="xs">
        <Group gap="sm">
          <FileButton onChange={onAdd} multiple accept=".csv,.jsonl,.ndjson" disabled={disabled}>
            {(props) => (
              <Button {...props} variant="light" size="sm" data-testid="feed-choose-files">
                {i18n.t("feed.picker.choose")}
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed">
            {i18n.t("feed.picker.drop")}
          </Text>
        </Group>
        {files.length > 0 ? (
          <Stack
            gap={4}
            component="ul"
            aria-label={i18n.t("feed.picker.chosen")}
            style={{ listStyle: "none", padding: 0 }}
          >
            {files.map((file) => (
              <Group key={file.name} gap="xs" component="li">
                <Text size="sm" fw={500}>
                  {file.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {i18n.t("feed.picker.bytes", { count: file.size })}
                </Text>
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  color="gray"
                  aria-label={i18n.t("feed.picker.remove", { name: file.name })}
                  disabled={disabled}
                  onClick={() => onRemove(file.name)}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        ) : null}
        {unknownFiles.length > 0 ? (
          <Text size="sm" c="red" role="alert">
            {i18n.t("feed.picker.unknown", { names: unknownFiles.join(", ") })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
