import { NativeSelect, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { andList } from "../../src/domain/i18n/rule-text.ts";
import type { ScenarioRow } from "../../src/domain/playbook/playbook-schema.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";

export interface ScenarioRowSelectProps {
  /** The L1 chosen, "" if none yet. */
  l1: string;
  row: ScenarioRow | undefined;
  /** The rows of this L1 and stage. */
  rows: readonly ScenarioRow[];
  onChange: (scenarioId: string) => void;
  error: string | undefined;
}

/**
 * Which situation of the chosen L1 this stage records (the playbook's
 * "scenario row"), and who keeps it up to date. With a single situation there
 * is nothing to choose: only who records it shows.
 */
export function ScenarioRowSelect({ l1, row, rows, onChange, error }: ScenarioRowSelectProps) {
  const { t } = useTranslation();
  const index = usePlaybook();
  const recordedBy = row ? (
    <span title={t("editor.situation.recordedByHelp")}>
      {t("editor.situation.recordedBy", {
        roles: andList(
          index.text,
          row.updatedBy.map((id) => index.role(id)?.name ?? id),
        ),
      })}
    </span>
  ) : undefined;
  // Nothing to choose before the L1, nor when the L1 has one situation in this stage.
  if (!l1 && !error) return null;
  if (rows.length === 1 && !error) {
    return (
      <Text size="xs" c="dimmed" mt={22}>
        {recordedBy}
      </Text>
    );
  }
  return (
    <NativeSelect
      label={<span title={t("editor.situation.help")}>{t("editor.situation.label")}</span>}
      size="xs"
      value={row?.id ?? ""}
      disabled={rows.length === 0}
      data={
        rows.length === 0
          ? [{ value: "", label: l1 ? t("editor.situation.none") : t("editor.situation.chooseL1") }]
          : rows.map((candidate) => ({ value: candidate.id, label: candidate.title }))
      }
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      description={recordedBy}
    />
  );
}
