import { BarChart } from "@mantine/charts";
import { useMemo } from "react";
import { i18n } from "../i18n/i18n.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { portfolioHref } from "../portfolio/portfolio-filters.ts";
import { formatCount } from "../shared/format.ts";
import { blockedL2Name } from "./blocked-names.ts";
import { ChartCard } from "./chart-card.tsx";
import { type BarClick, clickCursor, palette } from "./chart-style.ts";
import { L2Legend } from "./l2-legend.tsx";
import { noL2, pivotL2 } from "./l2-pivot.ts";
import type { DashboardLinks, DashboardReports } from "./use-dashboards.ts";

/** Blocked seats stacked by L2 reason, one bar per service (the services with the most). */
export function L2ServiceCard({ query, links }: { query: DashboardReports["byL2"]; links: DashboardLinks }) {
  const { base, linkable, open } = links;
  const index = usePlaybook();
  const items = query.data?.items;
  const rows = useMemo(
    () => (items ?? []).map((row) => ({ ...row, l2Name: blockedL2Name(index, row.l2, row.l2Name) })),
    [items, index],
  );
  const chart = useMemo(() => pivotL2(rows), [rows]);
  return (
    <ChartCard
      linkable={linkable}
      title={i18n.t("dashboards.byL2.title")}
      description={i18n.t("dashboards.byL2.description")}
      query={query}
      suppressed={query.data?.suppressedCells ?? 0}
      empty={rows.length === 0}
      columns={[
        i18n.t("dashboards.columns.l2"),
        i18n.t("dashboards.columns.service"),
        i18n.t("dashboards.columns.seats"),
        i18n.t("dashboards.columns.tenants"),
      ]}
      rows={rows.map((row) => ({
        key: `${row.l2}-${row.serviceId}`,
        cells: [row.l2Name, row.serviceName, formatCount(row.seats), formatCount(row.tenants)],
        href: portfolioHref({ ...base, l2: row.l2 ?? undefined, serviceId: row.serviceId }),
      }))}
    >
      <BarChart
        h={380}
        data={chart.data}
        dataKey="serviceName"
        type="stacked"
        orientation="vertical"
        series={chart.series.map((series, at) => ({
          name: series.key,
          label: series.label,
          color: palette[at % palette.length]!,
        }))}
        valueFormatter={formatCount}
        yAxisProps={{ width: 130, interval: 0, fontSize: 11 }}
        barProps={(series) => ({
          cursor: clickCursor(linkable),
          onClick: (bar: BarClick) =>
            open({
              l2: series.name === noL2 ? undefined : series.name,
              serviceId: String(bar.payload?.serviceId),
            }),
        })}
      />
      <L2Legend series={chart.series} />
    </ChartCard>
  );
}
