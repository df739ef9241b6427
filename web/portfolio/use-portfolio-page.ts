import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { toQuery } from "../api/api-client.ts";
import type { EntitlementView } from "../api/api-types.ts";
import { queryKeys, useEntitlementPages } from "../api/queries.ts";
import { navigate, useSearchParams } from "../router/router.ts";
import { useEditorParams } from "../tenant/use-editor-params.ts";
import { useCan } from "../users/permissions.ts";
import { columnsParam, viewQuery } from "./columns.ts";
import {
  apiQuery,
  defaultOrder,
  filtersToParams,
  type PortfolioFilters,
  readFilters,
  type SortKey,
} from "./portfolio-filters.ts";
import { useEntitlementCount } from "./use-entitlement-count.ts";
import { usePortfolioColumns } from "./use-portfolio-columns.ts";
import { useRowSelection } from "./use-row-selection.ts";

/** Load the next page when the last row on screen is this close to the end of what is loaded. */
const prefetchMargin = 60;

/**
 * The portfolio's state: filters, sort and columns from the URL, the rows
 * loaded page by page with the count of all that match, the selection for a
 * bulk update, and the status editor opened over the list (`?edit=`).
 */
export function usePortfolioPage() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filters = useMemo(() => readFilters(new URLSearchParams(search)), [search]);
  const query = useMemo(() => apiQuery(filters), [filters]);
  const pages = useEntitlementPages(query);
  const total = useEntitlementCount(query);
  const rows = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  const queryClient = useQueryClient();
  const can = useCan();
  const { columns, setColumns } = usePortfolioColumns(params, setParams);
  const editor = useEditorParams();

  const selection = useRowSelection(rows);
  // The rows a bulk update works on, fixed when it opens: the selection clears once it is applied.
  const [bulkRows, setBulkRows] = useState<EntitlementView[] | null>(null);

  // A new filter keeps the columns chosen; an open editor closes (it is over the old rows).
  const setFilters = (next: PortfolioFilters) => {
    const updated = filtersToParams(next);
    const chosen = params.get(columnsParam);
    if (chosen) updated.set(columnsParam, chosen);
    setParams(updated);
  };
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
  const editHref = useCallback(
    (id: string) => {
      const next = new URLSearchParams(search);
      next.set("edit", id);
      next.delete("tab");
      return `/?${next.toString()}`;
    },
    [search],
  );
  // Stable while the URL stays, so the rows on screen (memoised) are not drawn again.
  const onOpen = useCallback((id: string) => navigate(editHref(id)), [editHref]);

  return {
    search,
    filters,
    setFilters,
    onSort,
    pages,
    rows,
    total: total.data ?? null,
    columns,
    setColumns,
    viewQuery: viewQuery(search, columns),
    ...asOfParts(filters, query, setFilters),
    mayWrite: can("status.write.assignment") || can("status.write.delivery"),
    selection,
    bulkRows,
    startBulk: () => setBulkRows(selection.selectedRows),
    closeBulk: () => setBulkRows(null),
    onBulkApplied: () => {
      selection.clear();
      void queryClient.invalidateQueries({ queryKey: queryKeys.entitlementsAll });
      void queryClient.invalidateQueries({ queryKey: queryKeys.reports });
    },
    onVisibleEnd,
    onOpen,
    editHref,
    editor,
  };
}

/**
 * The as-of day (docs/HISTORY.md) and the export link, which carries the day:
 * on a past day the file is the portfolio as it stood then.
 */
function asOfParts(
  filters: PortfolioFilters,
  query: Record<string, string>,
  setFilters: (next: PortfolioFilters) => void,
) {
  return {
    exportHref: `/api/export.csv${toQuery(query)}`,
    asOf: filters.asOf,
    setAsOf: (day: string | null) => setFilters({ ...filters, asOf: day ?? undefined }),
  };
}

export type PortfolioPageState = ReturnType<typeof usePortfolioPage>;
