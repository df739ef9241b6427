import { Button, Group, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AsOfPicker } from "../history/as-of-picker.tsx";
import { Link } from "../router/link.tsx";
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
  /** The past day the list stands as of; undefined: today. */
  asOf?: string | undefined;
  onAsOf?: (day: string | null) => void;
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
  asOf,
  onAsOf,
}: PortfolioHeaderProps) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="flex-end">
      <Title order={2}>{t("portfolio.title")}</Title>
      <Group gap="xs" align="flex-end">
        {onAsOf ? <AsOfPicker value={asOf} onChange={onAsOf} /> : null}
        <Button
          component={Link}
          href={asOf ? `/changes?from=${asOf}` : "/changes"}
          size="xs"
          variant="default"
        >
          {t("portfolio.header.whatChanged")}
        </Button>
        <SavedViewsMenu query={viewQuery} />
        <ColumnChooser columns={columns} onChange={onColumns} />
        <Button component="a" href={exportHref} download size="xs" variant="default">
          {t("portfolio.header.export")}
        </Button>
        <Button
          size="xs"
          disabled={selectedCount === 0 || !mayWrite || Boolean(asOf)}
          onClick={onBulkUpdate}
          title={
            asOf ? t("portfolio.header.backToToday") : mayWrite ? undefined : t("portfolio.header.readOnly")
          }
        >
          {selectedCount > 0
            ? t("portfolio.header.bulkCount", { count: selectedCount })
            : t("portfolio.header.bulk")}
        </Button>
      </Group>
    </Group>
  );
}
