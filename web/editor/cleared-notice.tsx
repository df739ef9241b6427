import { Button, Group, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../shared/format.ts";
import type { ClearedValue } from "./editor-state.ts";

/** Longest part of a cleared value quoted in the notice; Undo brings back all of it. */
const quoteLength = 40;

/**
 * Beside a field whose value a change of L1, row or L2 emptied: what it was,
 * why it went ("cleared: not used for No Intent") and, when it can come
 * back, Undo.
 */
export function ClearedNotice({
  label,
  notice,
  canUndo,
  onUndo,
}: {
  label: string;
  notice: ClearedValue | undefined;
  canUndo: boolean;
  onUndo: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  if (!notice) return null;
  // A date field's value is stored ISO; the notice writes it as the app writes dates.
  const value = /^\d{4}-\d{2}-\d{2}$/.test(notice.value) ? formatDate(notice.value) : notice.value;
  const quoted = value.length > quoteLength ? `${value.slice(0, quoteLength - 1).trimEnd()}…` : value;
  return (
    <Group gap={6} wrap="nowrap" align="baseline" data-cleared-notice="">
      <Text size="xs" c="orange" title={notice.value} id={id}>
        {t("editor.cleared.notice", { reason: notice.reason, value: quoted })}
      </Text>
      {canUndo ? (
        // Named "Undo" and described by the notice: a name holding the field's label would make
        // a second element labelled like the field.
        <Button
          size="compact-xs"
          variant="subtle"
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
