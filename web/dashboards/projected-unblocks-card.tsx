import { BarChart } from "@mantine/charts";
import { endOfISOWeek, format, parseISO } from "date-fns";
import { i18n } from "../i18n/i18n.ts";
import { type PortfolioFilters, portfolioHref } from "../portfolio/portfolio-filters.ts";
import { formatCount, formatDate } from "../shared/format.ts";
import { ChartCard } from "./chart-card.tsx";
import { type BarClick, chartHeight, clickCursor } from "./chart-style.ts";
import type { DashboardLinks, DashboardReports } from "./use-dashboards.ts";

/** "2026-W26" as the app's language names an ISO week ("KW 26/2026" in German). */
function weekLabel(week: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  return match ? i18n.t("dashboards.projected.week", { year: match[1], week: match[2] }) : week;
}

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
      title={i18n.t("dashboards.projected.title")}
      description={i18n.t("dashboards.projected.description")}
      query={query}
      suppressed={query.data?.suppressedCells ?? 0}
      empty={weeks.length === 0}
      columns={[
        i18n.t("dashboards.columns.week"),
        i18n.t("dashboards.columns.starts"),
        i18n.t("dashboards.columns.seats"),
        i18n.t("dashboards.columns.tenants"),
      ]}
      rows={weeks.map((row) => ({
        key: row.week,
        cells: [
          `${weekLabel(row.week)}${row.past ? i18n.t("dashboards.projected.slipped") : ""}`,
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
          label: weekLabel(row.week),
          slipped: row.past ? row.seats : 0,
          ahead: row.past ? 0 : row.seats,
        }))}
        dataKey="label"
        type="stacked"
        withLegend
        series={[
          { name: "ahead", label: i18n.t("dashboards.projected.ahead"), color: "teal.6" },
          { name: "slipped", label: i18n.t("dashboards.projected.slippedSeries"), color: "red.6" },
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
