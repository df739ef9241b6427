import { SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ScenarioField } from "../../src/domain/playbook/playbook-schema.ts";
import { scenarioFields } from "../../src/domain/rules/scenario-fields.ts";
import { ClearedNotice } from "./cleared-notice.tsx";
import type { EditorContext, SegmentDraft } from "./editor-state.ts";
import { FieldInput } from "./field-input.tsx";
import { SuggestButton } from "./suggest-button.tsx";
import type { SegmentFormState } from "./use-segment-form.ts";

// Every scenario field but the note, which gets its own row below with the Suggest button.
const gridFields = scenarioFields.filter((field) => field !== "note");

/**
 * The fields a segment's scenario row asks for, the note last with its Suggest
 * button; each says beside it when a change cleared its value. `path` is the
 * segment's ("segments.0"): each field's box carries its own path in
 * `data-path`, so the form knows which field the user left.
 */
export function ScenarioFieldInputs({
  context,
  segment,
  path,
  form,
  errorOf,
  onChange,
}: {
  context: EditorContext;
  segment: SegmentDraft;
  path: string;
  form: SegmentFormState;
  errorOf: (field: string) => string | undefined;
  onChange: (next: SegmentDraft) => void;
}) {
  const { t } = useTranslation();
  const { fields } = form;
  if (!fields) {
    return (
      <Text size="sm" c="dimmed">
        {t("editor.fields.chooseL1")}
      </Text>
    );
  }
  const input = (field: ScenarioField) => (
    <Stack key={field} gap={2} data-path={`${path}.${field}`}>
      <FieldInput
        field={field}
        state={fields[field]}
        value={segment[field]}
        carriedName={form.carriedText(field)}
        error={errorOf(field)}
        onChange={(value) => form.setField(field, value)}
        l1={segment.l1}
        l2={segment.l2}
        entitlementId={context.entitlementId}
      />
      <ClearedNotice
        field={field}
        label={fields[field].label}
        notice={segment.cleared?.[field]}
        canUndo={form.canUndo(field)}
        onUndo={() => form.undo(field)}
      />
    </Stack>
  );
  return (
    <>
      <SimpleGrid cols={2} spacing="xs">
        {gridFields.map(input)}
      </SimpleGrid>
      {input("note")}
      {fields.note.state === "disabled" || fields.note.state === "carried" ? null : (
        <SuggestButton context={context} segment={segment} onApply={onChange} />
      )}
    </>
  );
}
