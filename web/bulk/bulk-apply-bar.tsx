import { Button, Group, Text } from "@mantine/core";
import { plural } from "../shared/format.ts";

export interface BulkApplyBarProps {
  /** Rows checked so far (none until the change is filled in). */
  planned: number;
  ready: number;
  refused: number;
  sending: boolean;
  onCancel: () => void;
  onApply: () => void;
}

/** How many rows the rules let through, and Cancel / Apply. */
export function BulkApplyBar({ planned, ready, refused, sending, onCancel, onApply }: BulkApplyBarProps) {
  return (
    <Group justify="space-between">
      <Text size="sm" aria-live="polite">
        {planned === 0
          ? "Fill in the change to check the rows."
          : `${plural(ready, "row")} ready, ${plural(refused, "row")} refused by the rules.`}
      </Text>
      <Group gap="xs">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button disabled={ready === 0} loading={sending} onClick={onApply}>
          Apply to {plural(ready, "row")}
        </Button>
      </Group>
    </Group>
  );
}
