import { NativeSelect, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Stage } from "../../src/domain/playbook/playbook-schema.ts";
import type { SegmentDraft } from "../editor/editor-state.ts";
import { SegmentForm } from "../editor/segment-form.tsx";
import { usePlaybook } from "../playbook/playbook-context.tsx";

export interface BulkStatusChangeProps {
  stage: Stage;
  onStage: (stage: Stage) => void;
  segment: SegmentDraft;
  onSegment: (segment: SegmentDraft) => void;
  /** The one service selected, "" when several: picks the L3s offered. */
  serviceId: string;
}

/** The status every selected row gets: a stage and one segment for all of its seats. */
export function BulkStatusChange({ stage, onStage, segment, onSegment, serviceId }: BulkStatusChangeProps) {
  const { t } = useTranslation();
  const index = usePlaybook();
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <NativeSelect
          label={t("bulk.stage")}
          size="xs"
          w={200}
          value={stage}
          data={[
            { value: "assignment", label: t("common.stage.assignment") },
            { value: "delivery", label: t("common.stage.delivery") },
          ]}
          onChange={(event) => onStage(event.currentTarget.value === "delivery" ? "delivery" : "assignment")}
        />
        <SegmentForm
          context={{ index, stage, previous: [], serviceId }}
          segment={segment}
          position={0}
          onChange={onSegment}
          errors={new Map()}
          split={false}
          withSeats={false}
          carryNote={t("bulk.keepsOwn")}
        />
        <Text size="xs" c="dimmed">
          {t("bulk.allSeats")}
        </Text>
      </Stack>
    </Paper>
  );
}
