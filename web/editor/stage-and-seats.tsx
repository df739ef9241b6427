import { Button, Group, SegmentedControl, Stack, Text } from "@mantine/core";
import type { Stage } from "../../src/domain/playbook/playbook-schema.ts";
import { formatCount } from "../shared/format.ts";

export interface StageAndSeatsProps {
  stage: Stage;
  onStage: (stage: Stage) => void;
  availableSeats: number;
  assignedSeats: number;
  /** Messages on the segment list as a whole (seat total, split rules). */
  segmentsErrors: string[] | undefined;
  onAddSegment: () => void;
}

/** The stage switch, the seat count so far, and the button that splits the seats. */
export function StageAndSeats({
  stage,
  onStage,
  availableSeats,
  assignedSeats,
  segmentsErrors,
  onAddSegment,
}: StageAndSeatsProps) {
  const remaining = availableSeats - assignedSeats;
  return (
    <Group align="flex-end" gap="lg">
      <Stack gap={2}>
        <Text size="sm" fw={500} id="stage-label">
          Stage
        </Text>
        <SegmentedControl
          aria-labelledby="stage-label"
          value={stage}
          onChange={(value) => onStage(value === "delivery" ? "delivery" : "assignment")}
          data={[
            { value: "assignment", label: "Assignment" },
            { value: "delivery", label: "Delivery" },
          ]}
        />
      </Stack>
      <Stack gap={2} aria-live="polite">
        <Text size="sm">
          Seats: {formatCount(availableSeats)} available · {formatCount(assignedSeats)} assigned ·{" "}
          <Text span fw={700} c={remaining === 0 ? "green" : "red"}>
            {remaining >= 0 ? `${formatCount(remaining)} remaining` : `${formatCount(-remaining)} too many`}
          </Text>
        </Text>
        {segmentsErrors ? (
          <Text size="sm" c="red" role="alert">
            {segmentsErrors.join(" ")}
          </Text>
        ) : null}
      </Stack>
      <Button size="xs" variant="light" onClick={onAddSegment}>
        Split seats: add a segment
      </Button>
    </Group>
  );
}
