import { NativeSelect, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { l1Data } from "../playbook/select-data.ts";
import type { EditorContext, SegmentDraft } from "./editor-state.ts";
import { ScenarioFieldInputs } from "./scenario-field-inputs.tsx";
import { ScenarioRowSelect } from "./scenario-row-select.tsx";
import { SeatsInput } from "./seats-input.tsx";
import { SegmentHeader } from "./segment-header.tsx";
import { SplitReasonSelect } from "./split-reason-select.tsx";
import { useSegmentForm } from "./use-segment-form.ts";

export interface SegmentFormProps {
  context: EditorContext;
  segment: SegmentDraft;
  position: number;
  onChange: (next: SegmentDraft) => void;
  /** Messages by field path, only those the user should see now. */
  errors: Map<string, string[]>;
  /** Several segments: show the seat count and split reason; single: seats are all of them. */
  split: boolean;
  withSeats: boolean;
  onRemove?: (() => void) | undefined;
  /**
   * Bulk edits: fields the row carries keep each entitlement's own previous
   * value, which differs per row, so they show this text instead of one value.
   */
  carryNote?: string;
}

/** One status segment: L1, scenario row, L2 -> L3, and the fields the row asks for. */
export function SegmentForm({
  context,
  segment,
  position,
  onChange,
  errors,
  split,
  withSeats,
  onRemove,
  carryNote,
}: SegmentFormProps) {
  const { t } = useTranslation();
  const form = useSegmentForm(context, segment, onChange, carryNote);
  const path = `segments.${position}`;
  const errorOf = (field: string) => joinErrors(errors.get(`${path}.${field}`));
  const segmentError = joinErrors(errors.get(path));
  return (
    <Stack gap="xs">
      {split || onRemove ? <SegmentHeader position={position} onRemove={onRemove} /> : null}
      {segmentError ? (
        <Text c="red" size="sm" role="alert">
          {segmentError}
        </Text>
      ) : null}
      <SimpleGrid cols={withSeats ? 3 : 2} spacing="xs">
        {withSeats ? (
          <div data-path={`${path}.seats`}>
            <SeatsInput
              seats={segment.seats}
              onChange={(seats) => onChange({ ...segment, seats })}
              error={errorOf("seats")}
            />
          </div>
        ) : null}
        <NativeSelect
          label={t("editor.l1.label")}
          size="xs"
          withAsterisk
          value={segment.l1}
          data={[{ value: "", label: t("editor.l1.choose") }, ...l1Data(context.index)]}
          onChange={(event) => form.setL1(event.currentTarget.value)}
          error={errorOf("l1")}
          data-path={`${path}.l1`}
        />
        <div data-path={`${path}.scenarioId`}>
          <ScenarioRowSelect
            l1={segment.l1}
            row={form.row}
            rows={form.rows}
            onChange={form.setRow}
            error={errorOf("scenarioId")}
          />
        </div>
      </SimpleGrid>
      <ScenarioFieldInputs
        context={context}
        segment={segment}
        path={path}
        form={form}
        errorOf={errorOf}
        onChange={onChange}
      />
      {split ? (
        <div data-path={`${path}.splitReason`}>
          <SplitReasonSelect
            value={segment.splitReason}
            onChange={(splitReason) => onChange({ ...segment, splitReason })}
            error={errorOf("splitReason")}
          />
        </div>
      ) : null}
    </Stack>
  );
}

function joinErrors(messages: string[] | undefined): string | undefined {
  return messages && messages.length > 0 ? messages.join(" ") : undefined;
}
