import { Stack, Textarea, TextInput } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { ScenarioField } from "../../src/domain/playbook/playbook-schema.ts";
import type { FieldState } from "../../src/domain/rules/field-states.ts";
import { ListFieldSelect } from "./list-field-select.tsx";
import { NoteGrade } from "./note-grade.tsx";
import { OwnerPicker } from "./owner-picker.tsx";

/** The props every kind of field input shares. */
export interface FieldInputCommon {
  label: string;
  size: "xs";
  withAsterisk: boolean;
  description: string | undefined;
  error: string | undefined;
}

export interface FieldInputProps {
  field: ScenarioField;
  state: FieldState;
  value: string;
  /** Shown in place of the value when the row carries the field. */
  carriedName: string;
  error: string | undefined;
  onChange: (value: string) => void;
  l1: string;
  l2: string;
  /** The entitlement edited, for the owner picker's choices. */
  entitlementId?: string | undefined;
}

const listFields = new Set<ScenarioField>(["l2", "l3", "serviceStatus", "engagementScenario"]);
const dateFields = new Set<ScenarioField>(["targetDate", "nextActionDate"]);

/** One scenario field as its row asks for it: disabled, carried, a list, a date, the note or text. */
export function FieldInput(props: FieldInputProps) {
  const { field, state, value, carriedName, error, onChange, l1, l2 } = props;
  const { t } = useTranslation();
  const common: FieldInputCommon = {
    label: state.label,
    size: "xs",
    withAsterisk: state.state === "required",
    description: describe(state, t),
    error,
  };
  const onText = (event: { currentTarget: { value: string } }) => onChange(event.currentTarget.value);

  if (state.state === "disabled") {
    return (
      <TextInput
        {...common}
        value=""
        placeholder={t("editor.fields.notNeeded")}
        title={t("editor.fields.notNeededHelp")}
        disabled
        readOnly
      />
    );
  }
  if (state.state === "carried") {
    return (
      <TextInput
        {...common}
        value={carriedName}
        title={t("editor.fields.carriedHelp")}
        readOnly
        variant="filled"
      />
    );
  }
  if (listFields.has(field)) {
    return <ListFieldSelect common={common} state={state} value={value} onChange={onChange} />;
  }
  if (dateFields.has(field)) {
    return <TextInput {...common} type="date" value={value} onChange={onText} />;
  }
  if (field === "owner") {
    return (
      <OwnerPicker
        common={common}
        entitlementId={props.entitlementId}
        value={value}
        placeholder={state.default ?? undefined}
        onChange={onChange}
      />
    );
  }
  if (field === "note") {
    return (
      <Stack gap={4}>
        <Textarea {...common} autosize minRows={2} maxRows={6} value={value} onChange={onText} />
        <NoteGrade note={value} l1={l1} l2={l2} />
      </Stack>
    );
  }
  return <TextInput {...common} value={value} placeholder={state.default ?? undefined} onChange={onText} />;
}

/**
 * The help under a field: the playbook's own word for it in this situation
 * (the label stays the same), what it needs, and its default.
 */
function describe(state: FieldState, t: TFunction): string | undefined {
  const parts: string[] = [];
  if (state.playbookTerm) parts.push(t("editor.fields.playbookTerm", { term: state.playbookTerm }));
  if (state.state === "carried") parts.push(t("editor.fields.carried"));
  else if (state.hint) parts.push(state.hint);
  if (state.default && state.state !== "carried")
    parts.push(t("editor.fields.default", { value: state.default }));
  return parts.length > 0 ? parts.join(" ") : undefined;
}
