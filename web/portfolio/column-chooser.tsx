import { ActionIcon, Button, Checkbox, Group, Popover, Stack, Text } from "@mantine/core";
import {
  type ColumnId,
  columnIds,
  columnSpecs,
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
  const listed = [...columns, ...columnIds.filter((id) => !columns.includes(id))];
  return (
    <Popover position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button size="xs" variant="default">
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={4} role="group" aria-label="Columns shown">
          <Text size="xs" c="dimmed">
            Customer / tenant comes first; saved views keep this choice.
          </Text>
          {listed.map((id) => {
            const shown = columns.includes(id);
            const at = columns.indexOf(id);
            const label = columnSpecs[id].label;
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
                    aria-label={`Move ${label} left`}
                    disabled={!shown || at === 0}
                    onClick={() => onChange(moveColumn(columns, id, -1))}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    aria-label={`Move ${label} right`}
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
            Show the default columns
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
