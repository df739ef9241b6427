import { ActionIcon, Button, Checkbox, Group, Popover, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  type ColumnId,
  columnIds,
  columnLabel,
  defaultColumns,
  moveColumn,
  sameColumns,
  toggleColumn,
} from "./columns.ts";

/**
 * "Columns": which columns the portfolio shows and in which order (the
 * customer always first). Kept in the URL, so "Save view" keeps it too.
 */
export function ColumnChooser({
  columns,
  onChange,
}: {
  columns: readonly ColumnId[];
  onChange: (columns: ColumnId[]) => void;
}) {
  // Shown columns in their order, then the hidden ones in the default order.
  const { t } = useTranslation();
  const listed = [...columns, ...columnIds.filter((id) => !columns.includes(id))];
  return (
    <Popover position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button size="xs" variant="default">
          {t("portfolio.columns.button")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={4} role="group" aria-label={t("portfolio.columns.shown")}>
          <Text size="xs" c="dimmed">
            {t("portfolio.columns.help")}
          </Text>
          {listed.map((id) => {
            const shown = columns.includes(id);
            const at = columns.indexOf(id);
            const label = columnLabel(id);
            return (
              <Group key={id} gap={4} justify="space-between" wrap="nowrap">
                <Checkbox
                  size="xs"
                  label={label}
                  checked={shown}
                  disabled={shown && columns.length === 1}
                  onChange={() => onChange(toggleColumn(columns, id))}
                />
                <Group gap={2} wrap="nowrap">
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    aria-label={t("portfolio.columns.moveLeft", { column: label })}
                    disabled={!shown || at === 0}
                    onClick={() => onChange(moveColumn(columns, id, -1))}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    aria-label={t("portfolio.columns.moveRight", { column: label })}
                    disabled={!shown || at === columns.length - 1}
                    onClick={() => onChange(moveColumn(columns, id, 1))}
                  >
                    ↓
                  </ActionIcon>
                </Group>
              </Group>
            );
          })}
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={sameColumns(columns, defaultColumns)}
            onClick={() => onChange([...defaultColumns])}
          >
            {t("portfolio.columns.defaults")}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
