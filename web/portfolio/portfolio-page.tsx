import { Alert, Button, Center, Loader, Stack } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { toQuery } from "../api/api-client.ts";
import type { EntitlementView } from "../api/api-types.ts";
import { queryKeys, useEntitlementPages } from "../api/queries.ts";
import { BulkUpdateDrawer } from "../bulk/bulk-update-drawer.tsx";
import { useSearchParams } from "../router/router.ts";
import { todayUtc } from "../shared/format.ts";
import { useCan } from "../users/permissions.ts";
import { FilterBar } from "./filter-bar.tsx";
import {
  apiQuery,
  defaultOrder,
  filtersToParams,
  hasNarrowingFilter,
  type PortfolioFilters,
  readFilters,
  type SortKey,
} from "./portfolio-filters.ts";
import { PortfolioHeader } from "./portfolio-header.tsx";
import { PortfolioSummary } from "./portfolio-summary.tsx";
import { PortfolioTable } from "./portfolio-table.tsx";
import { useRowSelection } from "./use-row-selection.ts";

/** Load the next page when the last row on screen is this close to the end of what is loaded. */
const prefetchMargin = 60;

/** The portfolio: filtered, sorted entitlements loaded page by page as the user scrolls, with bulk update. */
export function PortfolioPage() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filters = useMemo(() => readFilters(new URLSearchParams(search)), [search]);
  const query = useMemo(() => apiQuery(filters), [filters]);
  const pages = useEntitlementPages(query);
  const rows = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  const today = todayUtc();
  const queryClient = useQueryClient();
  const can = useCan();
  const mayWrite = can("status.write.assignment") || can("status.write.delivery");

  const selection = useRowSelection(rows);
  const { selected } = selection;
  // The rows a bulk update works on, fixed when it opens: the selection clears once it is applied.
  const [bulkRows, setBulkRows] = useState<EntitlementView[] | null>(null);

  const setFilters = (next: PortfolioFilters) => setParams(filtersToParams(next));
  const onSort = (sort: SortKey) => {
    const active = (filters.sort ?? "updated") === sort;
    const order = filters.order ?? defaultOrder(sort);
    const flipped = order === "asc" ? "desc" : "asc";
    setFilters({ ...filters, sort, order: active ? flipped : defaultOrder(sort) });
  };

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  const onVisibleEnd = useCallback(
    (last: number) => {
      if (last >= rows.length - prefetchMargin && hasNextPage && !isFetchingNextPage) void fetchNextPage();
    },
    [rows.length, hasNextPage, isFetchingNextPage, fetchNextPage],
  );

  const exportHref = `/api/export.csv${toQuery(query)}`;

  return (
    <Stack gap="sm">
      <PortfolioHeader
        search={search}
        exportHref={exportHref}
        selectedCount={selected.size}
        mayWrite={mayWrite}
        onBulkUpdate={() => setBulkRows(selection.selectedRows)}
      />
      <FilterBar filters={filters} onChange={setFilters} />
      <PortfolioSummary
        loading={pages.isPending}
        loaded={rows.length}
        hasMore={Boolean(hasNextPage)}
        selectedCount={selected.size}
        onClearSelection={selection.clear}
      />
      <PortfolioBody
        pages={pages}
        rows={rows}
        filters={filters}
        onSort={onSort}
        selected={selected}
        onToggle={selection.onToggle}
        onToggleAll={selection.onToggleAll}
        onVisibleEnd={onVisibleEnd}
        today={today}
        onClear={() => setFilters({})}
      />
      <BulkUpdateDrawer
        opened={bulkRows !== null}
        rows={bulkRows ?? []}
        onClose={() => setBulkRows(null)}
        onApplied={() => {
          selection.clear();
          void queryClient.invalidateQueries({ queryKey: queryKeys.entitlementsAll });
          void queryClient.invalidateQueries({ queryKey: queryKeys.reports });
        }}
      />
    </Stack>
  );
}

function PortfolioBody(props: {
  pages: ReturnType<typeof useEntitlementPages>;
  rows: EntitlementView[];
  filters: PortfolioFilters;
  onSort: (sort: SortKey) => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string, index: number, extend: boolean) => void;
  onToggleAll: (select: boolean) => void;
  onVisibleEnd: (last: number) => void;
  today: string;
  onClear: () => void;
}) {
  const { pages, rows } = props;
  if (pages.isPending) {
    return (
      <Center h={300}>
        <Loader aria-label="Loading the portfolio" />
      </Center>
    );
  }
  if (pages.isError) {
    return (
      <Alert color="red" title="The portfolio could not be loaded">
        {pages.error.message}
      </Alert>
    );
  }
  if (rows.length === 0) {
    return hasNarrowingFilter(props.filters) ? (
      <Alert color="gray" title="No entitlements match these filters">
        <Button size="xs" variant="light" onClick={props.onClear}>
          Clear filters
        </Button>
      </Alert>
    ) : (
      <Alert color="gray" title="The portfolio is empty">
        No entitlements yet: import a CSV with the command line, or start the server with --demo.
      </Alert>
    );
  }
  return (
    <PortfolioTable
      rows={rows}
      filters={props.filters}
      onSort={props.onSort}
      selected={props.selected}
      onToggle={props.onToggle}
      onToggleAll={props.onToggleAll}
      onVisibleEnd={props.onVisibleEnd}
      today={props.today}
      hasMore={Boolean(pages.hasNextPage)}
      footer={
        pages.isFetchingNextPage ? (
          <Center p="xs">
            <Loader size="xs" aria-label="Loading more rows" />
          </Center>
        ) : null
      }
    />
  );
}
