import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

export interface BulkApplyBarProps {
  /** Rows checked so far (none until the change is filled in). */
  planned: number;
  ready: number;
  refused: number;
  sending: boolean;
  onCancel: () => void;
  onApply: () => void;
}

/** How many rows the rules let through, and Cancel / Apply. */
export function BulkApplyBar({ planned, ready, refused, sending, onCancel, onApply }: BulkApplyBarProps) {
  const { t } = useTranslation();
  const rows = (count: number) => t("bulk.rows", { count });
  return (
    <Group justify="space-between">
      <Text size="sm" aria-live="polite">
        {planned === 0
          ? t("bulk.fillIn")
          : t("bulk.readyRefused", { ready: rows(ready), refused: rows(refused) })}
      </Text>
      <Group gap="xs">
        <Button variant="default" onClick={onCancel}>
          {t("bulk.cancel")}
        </Button>
        <Button disabled={ready === 0} loading={sending} onClick={onApply}>
          {t("bulk.applyTo", { rows: rows(ready) })}
        </Button>
      </Group>
    </Group>
  );
}
