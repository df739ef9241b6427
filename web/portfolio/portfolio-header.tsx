import { Button, Group, Title } from "@mantine/core";
import { ColumnChooser } from "./column-chooser.tsx";
import type { ColumnId } from "./columns.ts";
import { SavedViewsMenu } from "./saved-views-menu.tsx";

export interface PortfolioHeaderProps {
  /** What a saved view keeps: the page's URL query with the columns shown (columns.ts viewQuery). */
  viewQuery: string;
  exportHref: string;
  selectedCount: number;
  /** The user's role records statuses in some stage. */
  mayWrite: boolean;
  onBulkUpdate: () => void;
  columns: readonly ColumnId[];
  onColumns: (columns: ColumnId[]) => void;
}

/** The portfolio's title with its saved views, columns, CSV export and bulk update. */
export function PortfolioHeader({
  viewQuery,
  exportHref,
  selectedCount,
  mayWrite,
  onBulkUpdate,
  columns,
  onColumns,
}: PortfolioHeaderProps) {
  return (
    <Group justify="space-between" align="flex-end">
      <Title order={2}>Portfolio</Title>
      <Group gap="xs">
        <SavedViewsMenu query={viewQuery} />
        <ColumnChooser columns={columns} onChange={onColumns} />
        <Button component="a" href={exportHref} download size="xs" variant="default">
          Export CSV
        </Button>
        <Button
          size="xs"
          disabled={selectedCount === 0 || !mayWrite}
          onClick={onBulkUpdate}
          title={mayWrite ? undefined : "Your role does not record statuses"}
        >
          Bulk update{selectedCount > 0 ? ` (${selectedCount})` : ""}
        </Button>
      </Group>
    </Group>
  );
}
