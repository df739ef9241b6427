import { Grid, Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type EditorContext, rowFor, type SegmentDraft } from "./editor-state.ts";
import { GuidancePanel } from "./guidance-panel.tsx";
import { SegmentForm } from "./segment-form.tsx";

export interface SegmentCardProps {
  context: EditorContext;
  segment: SegmentDraft;
  position: number;
  /** Several segments: each shows its seats and can be removed. */
  split: boolean;
  errors: Map<string, string[]>;
  onChange: (next: SegmentDraft) => void;
  onRemove: () => void;
}

/** One segment's fields beside the playbook's guidance for what it chose. */
export function SegmentCard({
  context,
  segment,
  position,
  split,
  errors,
  onChange,
  onRemove,
}: SegmentCardProps) {
  const { t } = useTranslation();
  const row = rowFor(context.index, segment, context.stage, context.previous);
  return (
    <Paper
      withBorder
      p="sm"
      component="fieldset"
      aria-label={split ? t("editor.segment.title", { number: position + 1 }) : t("editor.segment.status")}
      style={{ margin: 0 }}
    >
      <Grid gap="md">
        <Grid.Col span={7}>
          <SegmentForm
            context={context}
            segment={segment}
            position={position}
            onChange={onChange}
            errors={errors}
            split={split}
            withSeats={split}
            onRemove={split ? onRemove : undefined}
          />
        </Grid.Col>
        <Grid.Col span={5}>
          <Paper bg="gray.0" p="sm" h="100%">
            <GuidancePanel
              l1={segment.l1}
              l2={segment.l2}
              l3={segment.l3}
              row={row}
              serviceId={context.serviceId}
            />
          </Paper>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
