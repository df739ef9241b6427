import { NativeSelect } from "@mantine/core";
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

/** The scenario row of the chosen L1 in this stage, with the roles that record it. */
export function ScenarioRowSelect({ l1, row, rows, onChange, error }: ScenarioRowSelectProps) {
  const index = usePlaybook();
  return (
    <NativeSelect
      label="Scenario row"
      size="xs"
      value={row?.id ?? ""}
      disabled={rows.length === 0}
      data={
        rows.length === 0
          ? [{ value: "", label: l1 ? "No row for this stage" : "Choose the L1 first" }]
          : rows.map((candidate) => ({ value: candidate.id, label: candidate.title }))
      }
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      description={
        row ? `Recorded by ${row.updatedBy.map((id) => index.role(id)?.name ?? id).join(" or ")}` : undefined
      }
    />
  );
}
