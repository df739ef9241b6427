import { Button, Group, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { ScenarioField } from "../../src/domain/playbook/playbook-schema.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { formatDate } from "../shared/format.ts";
import type { ClearedValue } from "./editor-state.ts";

/** Longest part of a cleared value quoted in the notice; Undo brings back all of it. */
const quoteLength = 40;

/**
 * A cleared value as people read it: a list field's choice by its name (its
 * id is what the status stores), a date as the app writes dates.
 */
function clearedText(index: PlaybookIndex, field: ScenarioField, notice: ClearedValue): string {
  const { value, l1 } = notice;
  const named = (items: readonly { id: string; name: string }[] | undefined) =>
    items?.find((item) => item.id === value)?.name;
  if (field === "l2") return index.l2(l1, value)?.name ?? value;
  if (field === "l3") return named(index.l1(l1)?.l2s.flatMap((l2) => l2.l3s)) ?? value;
  if (field === "serviceStatus") return named(index.playbook.serviceStatuses) ?? value;
  if (field === "engagementScenario") return named(index.playbook.engagementScenarios) ?? value;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
}

/**
 * Beside a field whose value a change of L1, row or L2 emptied: what it was,
 * why it went ("cleared: not used for No Intent") and, when it can come
 * back, Undo.
 */
export function ClearedNotice({
  field,
  label,
  notice,
  canUndo,
  onUndo,
}: {
  field: ScenarioField;
  label: string;
  notice: ClearedValue | undefined;
  canUndo: boolean;
  onUndo: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const index = usePlaybook();
  if (!notice) return null;
  const value = clearedText(index, field, notice);
  const quoted = value.length > quoteLength ? `${value.slice(0, quoteLength - 1).trimEnd()}…` : value;
  return (
    <Group gap={6} wrap="nowrap" align="baseline" data-cleared-notice="">
      <Text size="xs" c="orange" title={value} id={id} style={{ minWidth: 0 }}>
        {t("editor.cleared.notice", { reason: notice.reason, value: quoted })}
      </Text>
      {canUndo ? (
        // Named "Undo" and described by the notice: a name holding the field's label would make
        // a second element labelled like the field.
        <Button
          size="compact-xs"
          variant="subtle"
          // Never squeezed by a long notice: a cut "Un" is no button anyone reads.
          style={{ flexShrink: 0 }}
          onClick={onUndo}
          aria-describedby={id}
          title={t("editor.cleared.undoTitle", { field: label })}
        >
          {t("editor.cleared.undo")}
        </Button>
      ) : null}
    </Group>
  );
}
