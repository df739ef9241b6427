import { Button, Group, Text } from "@mantine/core";
import { plural } from "../shared/format.ts";

export interface SaveBarProps {
  /** Problems the playbook's rules find in the draft. */
  problems: number;
  /** A save was tried: the problem count turns red. */
  attempted: boolean;
  saving: boolean;
  canSave: boolean;
  onCancel: () => void;
  onSave: () => void;
}

/** The editor's sticky footer: whether the draft is ready, and Cancel / Save. */
export function SaveBar({ problems, attempted, saving, canSave, onCancel, onSave }: SaveBarProps) {
  return (
    <Group justify="space-between" pos="sticky" bottom={0} bg="var(--mantine-color-body)" py="xs">
      <Text size="sm" c={attempted && problems > 0 ? "red" : "dimmed"} aria-live="polite">
        {problems === 0
          ? "Checked against the playbook: ready to save."
          : `${plural(problems, "problem")} to fix before saving.`}
      </Text>
      <Group gap="xs">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={onSave} loading={saving} disabled={!canSave}>
          Save status
        </Button>
      </Group>
    </Group>
  );
}
