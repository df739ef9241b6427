import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RemainingWork } from "./visible-errors.ts";

export interface SaveBarProps {
  /** What the playbook's rules find left to do in the draft. */
  remaining: RemainingWork;
  /** A save was tried: the problem count turns red. */
  attempted: boolean;
  saving: boolean;
  canSave: boolean;
  onCancel: () => void;
  onSave: () => void;
}

/** The editor's sticky footer: whether the draft is ready, and Cancel / Save. */
export function SaveBar({ remaining, attempted, saving, canSave, onCancel, onSave }: SaveBarProps) {
  const { t } = useTranslation();
  const { toFill, toFix } = remaining;
  const left = [
    toFill > 0 ? t("editor.saveBar.toFill", { count: toFill }) : "",
    toFix > 0 ? t("editor.saveBar.toFix", { count: toFix }) : "",
  ].filter(Boolean);
  const summary =
    left.length === 0
      ? t("editor.saveBar.ready")
      : left.length === 2
        ? t("editor.saveBar.both", { fill: left[0], fix: left[1] })
        : t("editor.saveBar.one", { left: left[0] });
  return (
    <Group justify="space-between" pos="sticky" bottom={0} bg="var(--mantine-color-body)" py="xs">
      <Text size="sm" c={attempted && left.length > 0 ? "red" : "dimmed"} aria-live="polite">
        {summary}
      </Text>
      <Group gap="xs">
        <Button variant="default" onClick={onCancel}>
          {t("editor.saveBar.cancel")}
        </Button>
        <Button onClick={onSave} loading={saving} disabled={!canSave}>
          {t("editor.saveBar.save")}
        </Button>
      </Group>
    </Group>
  );
}
