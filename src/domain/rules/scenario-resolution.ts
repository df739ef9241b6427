import { say } from "../i18n/rule-text.ts";
import type { PlaybookIndex } from "../playbook/playbook-index.ts";
import type { L1, ScenarioRow, Stage } from "../playbook/playbook-schema.ts";
import type { StatusSegment } from "../status-segment.ts";
import { type Violation, violation } from "../violation.ts";
import { stageName } from "./scenario-fields.ts";

export type RowResolution = { ok: true; row: ScenarioRow } | { ok: false; violation: Violation };

/**
 * Picks the scenario row a proposed segment is judged by.
 *
 * An explicit scenario id must exist, set that L1 and belong to the stage.
 * Without one, among the rows for (L1, stage):
 * 1. a row that keeps the existing classification (new seats joining a service
 *    already in that L1) wins when a stored segment has the same L1 and the
 *    proposal brings no L2 of its own;
 * 2. otherwise the first row printed in the L1's own table (the No Intent table
 *    also has an In Progress row, which only applies when chosen explicitly);
 * 3. otherwise the first row in playbook order.
 * Row order in the playbook file is therefore meaningful: list the general row
 * of each (L1, stage) first.
 */
export function resolveScenarioRow(
  index: PlaybookIndex,
  input: {
    l1: L1;
    stage: Stage;
    scenarioId: string | null;
    l2Given: boolean;
    previous: readonly StatusSegment[];
    path: string;
  },
): RowResolution {
  const { l1, stage, scenarioId, path } = input;
  const { text } = index;
  if (scenarioId !== null) {
    const row = index.scenario(scenarioId);
    if (!row) {
      return fail(
        `${path}.scenarioId`,
        "scenario_unknown",
        say(text, "scenario_unknown", { scenario: scenarioId }),
      );
    }
    if (row.l1 !== l1.id) {
      const rowL1 = index.l1(row.l1)?.name ?? row.l1;
      const message = say(text, "scenario_l1_mismatch", { row: row.title, rowL1, l1: l1.name });
      return fail(`${path}.scenarioId`, "scenario_l1_mismatch", message);
    }
    if (row.stage !== stage) {
      const message = say(text, "scenario_stage_mismatch", {
        row: row.title,
        rowStage: stageName(row.stage, text),
        stage: stageName(stage, text),
      });
      return fail(`${path}.scenarioId`, "scenario_stage_mismatch", message);
    }
    return { ok: true, row };
  }

  const rows = index.scenariosFor(l1.id, stage);
  if (rows.length === 0) {
    const message = say(text, "scenario_missing", { l1: l1.name, stage: stageName(stage, text) });
    return fail(`${path}.l1`, "scenario_missing", message);
  }
  const keeping = rows.find((row) => row.keepExistingClassification);
  if (keeping && !input.l2Given && input.previous.some((segment) => segment.l1 === l1.id)) {
    return { ok: true, row: keeping };
  }
  const general = rows.filter((row) => !row.keepExistingClassification);
  const chosen = general.find((row) => row.table === l1.id) ?? general[0] ?? rows[0]!;
  return { ok: true, row: chosen };
}

function fail(field: string, code: string, message: string): RowResolution {
  return { ok: false, violation: violation(field, code, message) };
}
