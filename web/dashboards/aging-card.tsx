import { BarChart } from "@mantine/charts";
import type { AgingBucket } from "../api/api-types.ts";
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
      title="Aging of Blocked seats"
      description="Days since the seats became Blocked."
      query={query}
      suppressed={query.data?.suppressedCells ?? 0}
      empty={rows.every((row) => row.seats === 0)}
      columns={["Days blocked", "Seats", "Tenants"]}
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
        series={[{ name: "seats", label: "Blocked seats", color: "orange.6" }]}
        valueFormatter={formatCount}
        xAxisLabel="Days blocked"
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
