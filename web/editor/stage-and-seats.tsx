import { Button, Group, SegmentedControl, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation();
  const remaining = availableSeats - assignedSeats;
  return (
    <Group align="flex-end" gap="lg">
      <Stack gap={2}>
        <Text size="sm" fw={500} id="stage-label">
          {t("editor.stage")}
        </Text>
        <SegmentedControl
          aria-labelledby="stage-label"
          value={stage}
          onChange={(value) => onStage(value === "delivery" ? "delivery" : "assignment")}
          data={[
            { value: "assignment", label: t("common.stage.assignment") },
            { value: "delivery", label: t("common.stage.delivery") },
          ]}
        />
      </Stack>
      <Stack gap={2} aria-live="polite">
        <Text size="sm">
          {t("editor.seats.summary", {
            available: formatCount(availableSeats),
            assigned: formatCount(assignedSeats),
          })}{" "}
          <Text span fw={700} c={remaining === 0 ? "green" : "red"}>
            {remaining >= 0
              ? t("editor.seats.remaining", { count: remaining })
              : t("editor.seats.tooMany", { count: -remaining })}
          </Text>
        </Text>
        {segmentsErrors ? (
          <Text size="sm" c="red" role="alert">
            {segmentsErrors.join(" ")}
          </Text>
        ) : null}
      </Stack>
      <Tooltip label={t("editor.split.addHelp")} multiline w={320} withArrow>
        <Button size="xs" variant="light" onClick={onAddSegment}>
          {t("editor.split.add")}
        </Button>
      </Tooltip>
    </Group>
  );
}
