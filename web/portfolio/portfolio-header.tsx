import { Button, Group, Title } from "@mantine/core";
import { SavedViewsMenu } from "./saved-views-menu.tsx";

export interface PortfolioHeaderProps {
  /** The page's URL query, what a saved view keeps. */
  search: string;
  exportHref: string;
  selectedCount: number;
  /** The user's role records statuses in some stage. */
  mayWrite: boolean;
  onBulkUpdate: () => void;
}

/** The portfolio's title with its saved views, CSV export and bulk update. */
export function PortfolioHeader({
  search,
  exportHref,
  selectedCount,
  mayWrite,
  onBulkUpdate,
}: PortfolioHeaderProps) {
  return (
    <Group justify="space-between" align="flex-end">
      <Title order={2}>Portfolio</Title>
      <Group gap="xs">
        <SavedViewsMenu query={search} />
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
