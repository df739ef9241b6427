/**
 * The portfolio's filters, kept in the URL with the same names the API takes
 * (`GET /api/entitlements`, `GET /api/export.csv`), so a view is a link that
 * can be shared, survives a reload, and exports exactly what is on screen.
 */
export const filterKeys = [
  "q",
  "l1",
  "l2",
  "l3",
  "serviceId",
  "owner",
  "ownerUnresolved",
  "stage",
  "overdue",
  "targetFrom",
  "targetTo",
  "l1DaysMin",
  "l1DaysMax",
  "mine",
  "customerId",
  "tenantId",
  "usageShareMin",
  "usageShareMax",
  "contradiction",
  "ended",
  "resplitNeeded",
  // The day the list stands as of (docs/HISTORY.md); absent: today.
  "asOf",
  "sort",
  "order",
] as const;

export type FilterKey = (typeof filterKeys)[number];
export type PortfolioFilters = Partial<Record<FilterKey, string>>;

export const sortOptions = [
  { value: "updated", label: "Last updated" },
  { value: "customer", label: "Customer" },
  { value: "blocked_seats", label: "Blocked seats" },
  { value: "target_date", label: "Target date" },
  { value: "next_action_date", label: "Next action date" },
  { value: "usage_share", label: "Usage share" },
] as const;

export type SortKey = (typeof sortOptions)[number]["value"];

/** Dates and names read best earliest-first; counts and recency biggest-first. */
export function defaultOrder(sort: string | undefined): "asc" | "desc" {
  return sort === "customer" || sort === "target_date" || sort === "next_action_date" ? "asc" : "desc";
}

export function readFilters(params: URLSearchParams): PortfolioFilters {
  const filters: PortfolioFilters = {};
  for (const key of filterKeys) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

export function filtersToParams(filters: PortfolioFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

/** Changing a level of the taxonomy clears the levels below it, which would no longer match. */
export function withFilter(
  filters: PortfolioFilters,
  key: FilterKey,
  value: string | null,
): PortfolioFilters {
  const next: PortfolioFilters = { ...filters, [key]: value ?? undefined };
  if (!value) delete next[key];
  if (key === "l1") {
    delete next.l2;
    delete next.l3;
  }
  if (key === "l2") delete next.l3;
  return next;
}

/** The query the API takes for these filters (the same keys, empties dropped). */
export function apiQuery(filters: PortfolioFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = filters[key];
    if (value) query[key] = value;
  }
  return query;
}

/** The filters that narrow the rows (everything but the sort), to tell "no rows" from "no matches". */
export function hasNarrowingFilter(filters: PortfolioFilters): boolean {
  return filterKeys.some(
    (key) => key !== "sort" && key !== "order" && key !== "asOf" && Boolean(filters[key]),
  );
}

/** Link to the portfolio filtered: the dashboards' click-through target. */
export function portfolioHref(filters: PortfolioFilters): string {
  const query = filtersToParams(filters).toString();
  return query ? `/?${query}` : "/";
}
