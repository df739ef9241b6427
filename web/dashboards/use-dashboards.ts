import { useMemo } from "react";
import type {
  AgingBucket,
  BlockedByL2ServiceRow,
  BlockedByL3Row,
  BlockedWeek,
  OverdueActionPage,
  ProjectedUnblockWeek,
  RecentChange,
  TotalsAnswer,
} from "../api/api-types.ts";
import { useReport } from "../api/queries.ts";
import type { BlockedByL2OverTime, DwellAnswer, FlowAnswer } from "../history/history-types.ts";
import { type PortfolioFilters, portfolioHref } from "../portfolio/portfolio-filters.ts";
import { navigate, useSearchParams } from "../router/router.ts";
import { useCan } from "../users/permissions.ts";

/** How a chart opens the portfolio behind what was clicked. */
export interface DashboardLinks {
  /** The filters every click starts from: Blocked, in the dashboards' scope. */
  base: PortfolioFilters;
  /** Readers who only see totals have no portfolio to open; their charts do not click through. */
  linkable: boolean;
  open: (filters: PortfolioFilters) => void;
}

/**
 * The dashboards' state: the scope from the URL (service, customer), the
 * reports read in it, and the portfolio links their clicks follow.
 */
export function useDashboards() {
  const [params, setParams] = useSearchParams();
  const scope = useMemo(() => {
    const value: Record<string, string> = {};
    for (const key of ["serviceId", "customerId", "asOf", "mine"]) {
      const found = params.get(key);
      if (found) value[key] = found;
    }
    return value;
  }, [params]);
  const base: PortfolioFilters = { l1: "blocked", ...scope };
  const linkable = useCan()("tenants.read");
  const links: DashboardLinks = {
    base,
    linkable,
    open: (filters) => {
      if (linkable) navigate(portfolioHref({ ...base, ...filters }));
    },
  };
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const setService = (serviceId: string) => setParam("serviceId", serviceId);
  const setAsOf = (day: string | null) => setParam("asOf", day);
  const setMine = (mine: boolean) => setParam("mine", mine ? "true" : null);
  // Dwell times and the L1 flow cover the 90 days up to the as-of day (or today).
  const { asOf, ...window } = scope;
  if (asOf) window.to = asOf;
  const { asOf: _asOf, ...feedScope } = scope;
  const dwellBy = params.get("dwellBy") || "l2";
  const setDwellBy = (by: string) => setParam("dwellBy", by === "l2" ? null : by);

  const reports = {
    byL2: useReport<TotalsAnswer<BlockedByL2ServiceRow>>("blocked-by-l2-service", scope),
    byL3: useReport<TotalsAnswer<BlockedByL3Row>>("blocked-by-l3", scope),
    aging: useReport<TotalsAnswer<AgingBucket>>("aging", scope),
    projected: useReport<TotalsAnswer<ProjectedUnblockWeek>>("projected-unblocks", scope),
    overTime: useReport<TotalsAnswer<BlockedWeek>>("blocked-over-time", scope),
    // Overdue actions name customers: only for readers of the portfolio.
    overdue: useReport<OverdueActionPage>("overdue-next-actions", { ...scope, limit: "15" }, linkable),
    // The feed is what happened last, so it ignores the as-of day.
    recent: useReport<{ items: RecentChange[] }>("recent-changes", { ...feedScope, limit: "12" }, linkable),
    overTimeByL2: useReport<BlockedByL2OverTime>("blocked-over-time-by-l2", scope),
    dwell: useReport<DwellAnswer>("dwell-times", { ...window, by: dwellBy }),
    flow: useReport<FlowAnswer>("l1-flow", window),
  };
  return { scope, links, setService, setAsOf, setMine, dwellBy, setDwellBy, reports };
}

export type DashboardReports = ReturnType<typeof useDashboards>["reports"];
