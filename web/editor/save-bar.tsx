import { Button, Group, Text } from "@mantine/core";
import { plural } from "../shared/format.ts";
import type { RemainingWork } from "./visible-errors.ts";

export interface SaveBarProps {
  /** What the playbook's rules find left to do in the draft. */
  remaining: RemainingWork;
  /** A save was tried: the problem count turns red. */
  attempted: boolean;
  saving: boolean;
  canSave: boolean;
  onCancel: () => void;
  onSave: () => void;
}

/** The editor's sticky footer: whether the draft is ready, and Cancel / Save. */
export function SaveBar({ remaining, attempted, saving, canSave, onCancel, onSave }: SaveBarProps) {
  const { toFill, toFix } = remaining;
  const left = [
    toFill > 0 ? `${plural(toFill, "field")} to fill` : "",
    toFix > 0 ? `${plural(toFix, "problem")} to fix` : "",
  ].filter(Boolean);
  return (
    <Group justify="space-between" pos="sticky" bottom={0} bg="var(--mantine-color-body)" py="xs">
      <Text size="sm" c={attempted && left.length > 0 ? "red" : "dimmed"} aria-live="polite">
        {left.length === 0
          ? "Checked against the playbook: ready to save."
          : `${left.join(" and ")} before saving.`}
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
