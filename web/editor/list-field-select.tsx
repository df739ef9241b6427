import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FieldState } from "../../src/domain/rules/field-states.ts";
import type { FieldInputCommon } from "./field-input.tsx";

/**
 * A field chosen from the playbook's list (L2, L3, service status, engagement
 * scenario). A value the playbook no longer has stays visible, marked as such.
 */
export function ListFieldSelect({
  common,
  state,
  value,
  onChange,
}: {
  common: FieldInputCommon;
  state: FieldState;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const options = state.options ?? [];
  const known = value === "" || options.some((option) => option.id === value);
  const emptyLabel =
    options.length === 0
      ? t("editor.fields.noneAvailable")
      : state.state === "required"
        ? t("editor.fields.choose")
        : t("editor.fields.none");
  const data = [
    { value: "", label: emptyLabel },
    ...options.map((option) => ({ value: option.id, label: option.name })),
    ...(known ? [] : [{ value, label: t("editor.fields.notInPlaybook", { value }) }]),
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
