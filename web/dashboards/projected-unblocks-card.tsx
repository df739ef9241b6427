import { BarChart } from "@mantine/charts";
import { endOfISOWeek, format, parseISO } from "date-fns";
import { type PortfolioFilters, portfolioHref } from "../portfolio/portfolio-filters.ts";
import { formatCount, formatDate } from "../shared/format.ts";
import { ChartCard } from "./chart-card.tsx";
import { type BarClick, chartHeight, clickCursor } from "./chart-style.ts";
import type { DashboardLinks, DashboardReports } from "./use-dashboards.ts";

/** Blocked seats by the week of their projected unblock date; past weeks have slipped. */
export function ProjectedUnblocksCard({
  query,
  links,
}: {
  query: DashboardReports["projected"];
  links: DashboardLinks;
}) {
  const { base, linkable, open } = links;
  const weeks = query.data?.items ?? [];
  return (
    <ChartCard
      linkable={linkable}
      title="Projected unblocks per week"
      description="Blocked seats by the week of their projected unblock date; weeks already past have slipped."
      query={query}
      suppressed={query.data?.suppressedCells ?? 0}
      empty={weeks.length === 0}
      columns={["Week", "Starts", "Seats", "Tenants"]}
      rows={weeks.map((row) => ({
        key: row.week,
        cells: [
          `${row.week}${row.past ? " (slipped)" : ""}`,
          formatDate(row.weekStart),
          formatCount(row.seats),
          formatCount(row.tenants),
        ],
        href: portfolioHref({ ...base, ...weekRange(row.weekStart) }),
      }))}
    >
      <BarChart
        h={chartHeight}
        data={weeks.map((row) => ({
          ...row,
          slipped: row.past ? row.seats : 0,
          ahead: row.past ? 0 : row.seats,
        }))}
        dataKey="week"
        type="stacked"
        withLegend
        series={[
          { name: "ahead", label: "Projected", color: "teal.6" },
          { name: "slipped", label: "Slipped (week past)", color: "red.6" },
        ]}
        valueFormatter={formatCount}
        barProps={{
          cursor: clickCursor(linkable),
          onClick: (bar: BarClick) => open(weekRange(String(bar.payload?.weekStart))),
        }}
      />
    </ChartCard>
  );
}

function weekRange(weekStart: string): PortfolioFilters {
  const end = format(endOfISOWeek(parseISO(weekStart)), "yyyy-MM-dd");
  return { targetFrom: weekStart, targetTo: end };
}
