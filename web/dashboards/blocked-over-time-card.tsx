import { AreaChart } from "@mantine/charts";
import { i18n } from "../i18n/i18n.ts";
import { portfolioHref } from "../portfolio/portfolio-filters.ts";
import { formatCount, formatDate } from "../shared/format.ts";
import { ChartCard } from "./chart-card.tsx";
import { chartHeight, clickCursor } from "./chart-style.ts";
import type { DashboardLinks, DashboardReports } from "./use-dashboards.ts";

/** Blocked seats at the end of each week of the past year, from the status history. */
export function BlockedOverTimeCard({
  query,
  links,
}: {
  query: DashboardReports["overTime"];
  links: DashboardLinks;
}) {
  const { base, linkable, open } = links;
  const points = query.data?.items ?? [];
  return (
    <ChartCard
      linkable={linkable}
      title={i18n.t("dashboards.overTime.title")}
      description={i18n.t("dashboards.overTime.description")}
      query={query}
      empty={points.length === 0}
      columns={[
        i18n.t("dashboards.columns.weekOf"),
        i18n.t("dashboards.columns.blockedSeats"),
        i18n.t("dashboards.columns.tenants"),
      ]}
      rows={points.map((point) => ({
        key: point.weekStart,
        cells: [formatDate(point.weekStart), formatCount(point.seats), formatCount(point.tenants)],
        href: portfolioHref(base),
      }))}
      suppressed={query.data?.suppressedCells ?? 0}
    >
      <AreaChart
        h={chartHeight}
        data={points.map((point) => ({ ...point, week: formatDate(point.weekStart) }))}
        dataKey="week"
        series={[{ name: "seats", label: i18n.t("dashboards.blockedSeats"), color: "red.6" }]}
        valueFormatter={formatCount}
        curveType="linear"
        areaChartProps={{ onClick: () => open({}), style: { cursor: clickCursor(linkable) } }}
      />
    </ChartCard>
  );
}
