import { AreaChart } from "@mantine/charts";
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
      title="Blocked seats over time"
      description="Blocked seats at the end of each week of the past year, rebuilt from the status history."
      query={query}
      empty={points.length === 0}
      columns={["Week of", "Blocked seats", "Tenants"]}
      rows={points.map((point) => ({
        key: point.weekStart,
        cells: [formatDate(point.weekStart), formatCount(point.seats), formatCount(point.tenants)],
        href: portfolioHref(base),
      }))}
      suppressed={query.data?.suppressedCells ?? 0}
    >
      <AreaChart
        h={chartHeight}
        data={points}
        dataKey="weekStart"
        series={[{ name: "seats", label: "Blocked seats", color: "red.6" }]}
        valueFormatter={formatCount}
        curveType="linear"
        areaChartProps={{ onClick: () => open({}), style: { cursor: clickCursor(linkable) } }}
      />
    </ChartCard>
  );
}
