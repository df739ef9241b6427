import {
  ActionIcon,
  Badge,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { lintNote } from "../../src/domain/notes/lint-note.ts";
import type { ScenarioField, ScenarioRow } from "../../src/domain/playbook/playbook-schema.ts";
import type { FieldState } from "../../src/domain/rules/field-states.ts";
import { splitReasons } from "../../src/domain/status-segment.ts";
import { l1Data } from "../playbook/select-data.ts";
import {
  applyL2,
  applyRow,
  type EditorContext,
  fieldStatesFor,
  rowFor,
  type SegmentDraft,
} from "./editor-state.ts";
import { SuggestButton } from "./suggest-button.tsx";

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

const splitReasonNames: Record<(typeof splitReasons)[number], string> = {
  geography: "Geography differs",
  operating_company: "Operating company differs",
  duplicate_entitlement: "Duplicate entitlement (needs a count review)",
};

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
  const { index, stage, previous } = context;
  const described = fieldStatesFor(context, segment);
  const row = described?.row;
  const fields = described && carryNote ? withCarryNote(described.row, described.fields) : described?.fields;
  const path = `segments.${position}`;
  const errorOf = (field: string) => joinErrors(errors.get(`${path}.${field}`));
  const rows = segment.l1 ? index.scenariosFor(segment.l1, stage) : [];

  const setField = (field: ScenarioField, value: string) => {
    if (field === "l2") onChange(applyL2(context, segment, value));
    else onChange({ ...segment, [field]: value });
  };
  const setL1 = (l1: string) => {
    const moved = { ...segment, l1, scenarioId: "" };
    const nextRow = rowFor(index, moved, stage, previous);
    onChange(applyRow(context, moved, row, nextRow));
  };
  const setRow = (scenarioId: string) => {
    onChange(applyRow(context, segment, row, index.scenario(scenarioId)));
  };

  const fieldInput = (field: ScenarioField) =>
    fields ? (
      <FieldInput
        key={field}
        field={field}
        state={fields[field]}
        value={segment[field]}
        carriedName={
          carryNote && row?.fields[field].rule === "carry"
            ? carryNote
            : carriedName(context, segment, field, fields[field].carriedValue)
        }
        error={errorOf(field)}
        onChange={(value) => setField(field, value)}
        l1={segment.l1}
        l2={segment.l2}
      />
    ) : null;

  return (
    <Stack gap="xs">
      {split || onRemove ? (
        <Group justify="space-between">
          <Text fw={700} size="sm">
            Segment {position + 1}
          </Text>
          {onRemove ? (
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={onRemove}
              aria-label={`Remove segment ${position + 1}`}
            >
              ×
            </ActionIcon>
          ) : null}
        </Group>
      ) : null}
      {joinErrors(errors.get(path)) ? (
        <Text c="red" size="sm" role="alert">
          {joinErrors(errors.get(path))}
        </Text>
      ) : null}
      <SimpleGrid cols={withSeats ? 3 : 2} spacing="xs">
        {withSeats ? (
          <NumberInput
            label="Seats"
            size="xs"
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=","
            value={segment.seats === "" ? "" : Number(segment.seats)}
            onChange={(value) => onChange({ ...segment, seats: value === "" ? "" : String(value) })}
            error={errorOf("seats")}
            withAsterisk
          />
        ) : null}
        <NativeSelect
          label="L1 status"
          size="xs"
          withAsterisk
          value={segment.l1}
          data={[{ value: "", label: "Choose an L1 status" }, ...l1Data(index)]}
          onChange={(event) => setL1(event.currentTarget.value)}
          error={errorOf("l1")}
        />
        <NativeSelect
          label="Scenario row"
          size="xs"
          value={row?.id ?? ""}
          disabled={rows.length === 0}
          data={
            rows.length === 0
              ? [{ value: "", label: segment.l1 ? "No row for this stage" : "Choose the L1 first" }]
              : rows.map((candidate) => ({ value: candidate.id, label: candidate.title }))
          }
          onChange={(event) => setRow(event.currentTarget.value)}
          error={errorOf("scenarioId")}
          description={
            row
              ? `Recorded by ${row.updatedBy.map((id) => index.role(id)?.name ?? id).join(" or ")}`
              : undefined
          }
        />
      </SimpleGrid>
      {fields ? (
        <>
          <SimpleGrid cols={2} spacing="xs">
            {fieldInput("l2")}
            {fieldInput("l3")}
            {fieldInput("serviceStatus")}
            {fieldInput("engagementScenario")}
            {fieldInput("targetDate")}
            {fieldInput("owner")}
            {fieldInput("nextActionDate")}
            {fieldInput("nextAction")}
          </SimpleGrid>
          {fieldInput("note")}
          {fields.note.state === "disabled" || fields.note.state === "carried" ? null : (
            <SuggestButton context={context} segment={segment} onApply={onChange} />
          )}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          Choose an L1 status to see the fields its scenario row asks for.
        </Text>
      )}
      {split ? (
        <NativeSelect
          label="Why these seats are split"
          size="xs"
          withAsterisk
          value={segment.splitReason}
          data={[
            { value: "", label: "Choose a reason" },
            ...splitReasons.map((reason) => ({ value: reason, label: splitReasonNames[reason] })),
          ]}
          onChange={(event) => onChange({ ...segment, splitReason: event.currentTarget.value })}
          error={errorOf("splitReason")}
        />
      ) : null}
    </Stack>
  );
}

function withCarryNote(
  row: ScenarioRow,
  fields: Record<ScenarioField, FieldState>,
): Record<ScenarioField, FieldState> {
  const copy = { ...fields };
  for (const field of Object.keys(copy) as ScenarioField[]) {
    if (row.fields[field].rule === "carry")
      copy[field] = { ...copy[field], state: "carried", carriedValue: null };
  }
  return copy;
}

function joinErrors(messages: string[] | undefined): string | undefined {
  return messages && messages.length > 0 ? messages.join(" ") : undefined;
}

/** A carried id shown by its name. */
function carriedName(
  context: EditorContext,
  segment: SegmentDraft,
  field: ScenarioField,
  value: string | null,
): string {
  if (value === null) return "(empty)";
  const { index } = context;
  if (field === "l2") return index.l2(segment.l1, value)?.name ?? value;
  if (field === "l3") return (segment.l2 && index.l3(segment.l1, segment.l2, value)?.name) || value;
  if (field === "serviceStatus")
    return index.playbook.serviceStatuses.find((s) => s.id === value)?.name ?? value;
  if (field === "engagementScenario") {
    return index.playbook.engagementScenarios.find((s) => s.id === value)?.name ?? value;
  }
  return value;
}

const listFields = new Set<ScenarioField>(["l2", "l3", "serviceStatus", "engagementScenario"]);
const dateFields = new Set<ScenarioField>(["targetDate", "nextActionDate"]);

function FieldInput({
  field,
  state,
  value,
  carriedName: carried,
  error,
  onChange,
  l1,
  l2,
}: {
  field: ScenarioField;
  state: FieldState;
  value: string;
  carriedName: string;
  error: string | undefined;
  onChange: (value: string) => void;
  l1: string;
  l2: string;
}) {
  const label = state.label;
  const required = state.state === "required";
  const description = describe(state);
  const common = {
    label,
    size: "xs" as const,
    withAsterisk: required,
    description,
    error,
  };

  if (state.state === "disabled") {
    return <TextInput {...common} value="" placeholder="N/A in this scenario" disabled readOnly />;
  }
  if (state.state === "carried") {
    return <TextInput {...common} value={carried} readOnly variant="filled" />;
  }
  if (listFields.has(field)) {
    const options = state.options ?? [];
    const known = value === "" || options.some((option) => option.id === value);
    const data = [
      { value: "", label: options.length === 0 ? "None available" : required ? "Choose…" : "None" },
      ...options.map((option) => ({ value: option.id, label: option.name })),
      ...(known ? [] : [{ value, label: `${value} (not in the playbook)` }]),
    ];
    return (
      <NativeSelect
        {...common}
        value={value}
        data={data}
        disabled={options.length === 0 && value === ""}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    );
  }
  if (dateFields.has(field)) {
    return (
      <TextInput
        {...common}
        type="date"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    );
  }
  if (field === "note") {
    return (
      <Stack gap={4}>
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxRows={6}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
        <NoteGrade note={value} l1={l1} l2={l2} />
      </Stack>
    );
  }
  return (
    <TextInput
      {...common}
      value={value}
      placeholder={state.default ?? undefined}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

function describe(state: FieldState): string | undefined {
  const parts: string[] = [];
  if (state.state === "carried") parts.push("Carried from the previous status; read-only.");
  else if (state.hint) parts.push(state.hint);
  if (state.default && state.state !== "carried") parts.push(`Default: ${state.default}.`);
  return parts.length > 0 ? parts.join(" ") : undefined;
}

const gradeColor = { great: "green", marginal: "yellow", poor: "red" } as const;

/** The notes guidance applied as the user types: great, marginal or poor, with what to add. */
function NoteGrade({ note, l1, l2 }: { note: string; l1: string; l2: string }) {
  if (!l1) return null;
  const lint = lintNote(note, { l1, l2: l2 || null });
  return (
    <Paper withBorder p={6} radius="sm" aria-live="polite">
      <Group gap={6} align="flex-start" wrap="nowrap">
        <Badge color={gradeColor[lint.grade]} size="sm" variant="light">
          Note: {lint.grade}
        </Badge>
        {lint.hints.length > 0 ? (
          <List size="xs" spacing={0}>
            {lint.hints.slice(0, 3).map((hint) => (
              <List.Item key={hint.code}>{hint.message}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="xs" c="dimmed">
            States the intent and its reason.
          </Text>
        )}
      </Group>
    </Paper>
  );
}
