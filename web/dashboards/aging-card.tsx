import { BarChart } from "@mantine/charts";
import type { AgingBucket } from "../api/api-types.ts";
import { i18n } from "../i18n/i18n.ts";
import { type PortfolioFilters, portfolioHref } from "../portfolio/portfolio-filters.ts";
import { formatCount } from "../shared/format.ts";
import { ChartCard } from "./chart-card.tsx";
import { type BarClick, chartHeight, clickCursor } from "./chart-style.ts";
import type { DashboardLinks, DashboardReports } from "./use-dashboards.ts";

/** Blocked seats by how many days they have been Blocked. */
export function AgingCard({ query, links }: { query: DashboardReports["aging"]; links: DashboardLinks }) {
  const { base, linkable, open } = links;
  const rows = query.data?.items ?? [];
  return (
    <ChartCard
      linkable={linkable}
      title={i18n.t("dashboards.aging.title")}
      description={i18n.t("dashboards.aging.description")}
      query={query}
      suppressed={query.data?.suppressedCells ?? 0}
      empty={rows.every((row) => row.seats === 0)}
      columns={[
        i18n.t("dashboards.columns.daysBlocked"),
        i18n.t("dashboards.columns.seats"),
        i18n.t("dashboards.columns.tenants"),
      ]}
      rows={rows.map((row) => ({
        key: row.bucket,
        cells: [row.bucket, formatCount(row.seats), formatCount(row.tenants)],
        href: portfolioHref({ ...base, ...bucketFilters(row) }),
      }))}
    >
      <BarChart
        h={chartHeight}
        data={rows}
        dataKey="bucket"
        series={[{ name: "seats", label: i18n.t("dashboards.blockedSeats"), color: "orange.6" }]}
        valueFormatter={formatCount}
        xAxisLabel={i18n.t("dashboards.columns.daysBlocked")}
        yAxisProps={{ width: 80 }}
        barProps={{
          cursor: clickCursor(linkable),
          onClick: (bar: BarClick) => open(bucketFilters(bar.payload as AgingBucket | undefined)),
        }}
      />
    </ChartCard>
  );
}

/** The portfolio filters of one bucket: days in the L1 (Blocked) from its least to its most. */
export function bucketFilters(
  bucket: Pick<AgingBucket, "minDays" | "maxDays"> | undefined,
): PortfolioFilters {
  if (!bucket) return {};
  const filters: PortfolioFilters = { l1DaysMin: String(bucket.minDays) };
  if (bucket.maxDays !== null) filters.l1DaysMax = String(bucket.maxDays);
  return filters;
}
