import { Alert, Button, Center, Loader, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { BulkUpdateDrawer } from "../bulk/bulk-update-drawer.tsx";
import { StatusEditor } from "../editor/status-editor.tsx";
import { AsOfNotice } from "../history/as-of-picker.tsx";
import { todayUtc } from "../shared/format.ts";
import { DaysInL1Notice, MineNotice } from "./days-in-l1-notice.tsx";
import { FilterBar } from "./filter-bar.tsx";
import { hasNarrowingFilter } from "./portfolio-filters.ts";
import { PortfolioHeader } from "./portfolio-header.tsx";
import { PortfolioSummary } from "./portfolio-summary.tsx";
import { PortfolioTable } from "./portfolio-table.tsx";
import { type PortfolioPageState, usePortfolioPage } from "./use-portfolio-page.ts";

/**
 * The portfolio: filtered, sorted entitlements loaded page by page as the user
 * scrolls, in the columns the user chose, with bulk update; a row opens its
 * status editor over the list.
 */
export function PortfolioPage() {
  const { t } = useTranslation();
  const page = usePortfolioPage();
  const { selection, editor } = page;
  return (
    <Stack gap="sm">
      <PortfolioHeader
        viewQuery={page.viewQuery}
        exportHref={page.exportHref}
        selectedCount={selection.selected.size}
        mayWrite={page.mayWrite}
        onBulkUpdate={page.startBulk}
        columns={page.columns}
        onColumns={page.setColumns}
        asOf={page.asOf}
        onAsOf={page.setAsOf}
      />
      {page.asOf ? (
        <AsOfNotice day={page.asOf} what={t("portfolio.asOfWhat")} onToday={() => page.setAsOf(null)} />
      ) : null}
      <FilterBar filters={page.filters} onChange={page.setFilters} />
      <MineNotice filters={page.filters} onChange={page.setFilters} />
      <DaysInL1Notice filters={page.filters} onChange={page.setFilters} />
      <PortfolioSummary
        loading={page.pages.isPending}
        total={page.total}
        loaded={page.rows.length}
        hasMore={Boolean(page.pages.hasNextPage)}
        selectedCount={selection.selected.size}
        onClearSelection={selection.clear}
      />
      <PortfolioBody page={page} />
      <BulkUpdateDrawer
        opened={page.bulkRows !== null}
        rows={page.bulkRows ?? []}
        onClose={page.closeBulk}
        onApplied={page.onBulkApplied}
      />
      <StatusEditor
        entitlementId={editor.editing}
        tab={editor.tab}
        onTab={(next) => editor.editing && editor.open(editor.editing, next)}
        onClose={editor.close}
      />
    </Stack>
  );
}

function PortfolioBody({ page }: { page: PortfolioPageState }) {
  const { t } = useTranslation();
  const { pages, rows, selection } = page;
  if (pages.isPending) {
    return (
      <Center h={300}>
        <Loader aria-label={t("portfolio.loading")} />
      </Center>
    );
  }
  if (pages.isError) {
    return (
      <Alert color="red" title={t("portfolio.loadFailed")}>
        {pages.error.message}
      </Alert>
    );
  }
  if (rows.length === 0 && page.asOf && !hasNarrowingFilter(page.filters)) {
    return (
      <Alert color="gray" title={t("portfolio.nothingThen")}>
        {t("portfolio.nothingThenBody")}
      </Alert>
    );
  }
  if (rows.length === 0) {
    return hasNarrowingFilter(page.filters) ? (
      <Alert color="gray" title={t("portfolio.noMatch")}>
        <Button size="xs" variant="light" onClick={() => page.setFilters({})}>
          {t("portfolio.clearFilters")}
        </Button>
      </Alert>
    ) : (
      <Alert color="gray" title={t("portfolio.empty")}>
        {t("portfolio.emptyBody")}
      </Alert>
    );
  }
  return (
    <PortfolioTable
      rows={rows}
      columns={page.columns}
      filters={page.filters}
      onSort={page.onSort}
      selected={selection.selected}
      onToggle={selection.onToggle}
      onToggleAll={selection.onToggleAll}
      onVisibleEnd={page.onVisibleEnd}
      onOpen={page.onOpen}
      editHref={page.editHref}
      today={page.asOf ?? todayUtc()}
      hasMore={Boolean(pages.hasNextPage)}
      footer={
        pages.isFetchingNextPage ? (
          <Center p="xs">
            <Loader size="xs" aria-label={t("portfolio.loadingMore")} />
          </Center>
        ) : null
      }
    />
  );
}
