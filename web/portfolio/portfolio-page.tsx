import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import { toQuery } from "../api/api-client.ts";
import type { EntitlementView } from "../api/api-types.ts";
import { queryKeys, useEntitlementPages } from "../api/queries.ts";
import { BulkUpdateDrawer } from "../bulk/bulk-update-drawer.tsx";
import { useSearchParams } from "../router/router.ts";
import { plural, todayUtc } from "../shared/format.ts";
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
import { PortfolioTable } from "./portfolio-table.tsx";
import { SavedViewsMenu } from "./saved-views-menu.tsx";

/** Load the next page when the last row on screen is this close to the end of what is loaded. */
const prefetchMargin = 60;

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

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<number | null>(null);
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

  // Shift-click selects the range from the last clicked row, like a file list.
  const onToggle = useCallback(
    (id: string, position: number, extend: boolean) => {
      // Read the anchor now: the updater runs later, after it has moved to this row.
      const start = anchor.current;
      setSelected((current) => {
        const next = new Set(current);
        if (extend && start !== null) {
          const [from, to] = [Math.min(start, position), Math.max(start, position)];
          for (const row of rows.slice(from, to + 1)) next.add(row.id);
        } else if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      anchor.current = position;
    },
    [rows],
  );
  const onToggleAll = (select: boolean) =>
    setSelected(select ? new Set(rows.map((row) => row.id)) : new Set());
  const selectedRows = useMemo(() => rows.filter((row) => selected.has(row.id)), [rows, selected]);

  const exportHref = `/api/export.csv${toQuery(query)}`;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Portfolio</Title>
        <Group gap="xs">
          <SavedViewsMenu query={search} />
          <Button component="a" href={exportHref} download size="xs" variant="default">
            Export CSV
          </Button>
          <Button
            size="xs"
            disabled={selected.size === 0 || !mayWrite}
            onClick={() => setBulkRows(selectedRows)}
            title={mayWrite ? undefined : "Your role does not record statuses"}
          >
            Bulk update{selected.size > 0 ? ` (${selected.size})` : ""}
          </Button>
        </Group>
      </Group>
      <FilterBar filters={filters} onChange={setFilters} />
      <Group gap="md" mih={20}>
        <Text size="sm" c="dimmed" aria-live="polite">
          {pages.isPending
            ? "Loading…"
            : `${plural(rows.length, "entitlement")} loaded${hasNextPage ? "; more load as you scroll" : ""}`}
        </Text>
        {selected.size > 0 ? (
          <Group gap={6}>
            <Text size="sm">{plural(selected.size, "row")} selected</Text>
            <Button size="compact-xs" variant="subtle" onClick={() => setSelected(new Set())}>
              Clear selection
            </Button>
          </Group>
        ) : null}
      </Group>
      <PortfolioBody
        pages={pages}
        rows={rows}
        filters={filters}
        onSort={onSort}
        selected={selected}
        onToggle={onToggle}
        onToggleAll={onToggleAll}
        onVisibleEnd={onVisibleEnd}
        today={today}
        onClear={() => setFilters({})}
      />
      <BulkUpdateDrawer
        opened={bulkRows !== null}
        rows={bulkRows ?? []}
        onClose={() => setBulkRows(null)}
        onApplied={() => {
          setSelected(new Set());
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
