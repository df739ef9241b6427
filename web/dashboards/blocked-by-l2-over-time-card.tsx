import { AreaChart } from "@mantine/charts";
import { useMemo } from "react";
import type { L2Week } from "../history/history-types.ts";
import { i18n } from "../i18n/i18n.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { portfolioHref } from "../portfolio/portfolio-filters.ts";
import { formatCount, formatDate } from "../shared/format.ts";
import { blockedL2Name } from "./blocked-names.ts";
import { ChartCard } from "./chart-card.tsx";
import { chartHeight, clickCursor, palette } from "./chart-style.ts";
import { L2Legend } from "./l2-legend.tsx";
import { noL2 } from "./l2-pivot.ts";
import type { DashboardLinks, DashboardReports } from "./use-dashboards.ts";

/** Rows of (week, L2) into one point per week with a key per L2: the shape a stacked area takes. */
export function pivotWeeks(rows: readonly L2Week[]) {
  const weeks = new Map<string, Record<string, string | number>>();
  const l2s = new Map<string, { label: string; seats: number }>();
  for (const row of rows) {
    const key = row.l2 ?? noL2;
    const series = l2s.get(key) ?? { label: row.l2Name, seats: 0 };
    series.seats += row.seats;
    l2s.set(key, series);
    const point = weeks.get(row.weekStart) ?? { weekStart: row.weekStart };
    point[key] = row.seats;
    weeks.set(row.weekStart, point);
  }
  // Biggest reasons at the bottom of the stack; every week has every key, so the areas stack cleanly.
  const series = [...l2s.entries()]
    .sort((a, b) => b[1].seats - a[1].seats)
    .map(([key, { label }]) => ({ key, label }));
  const data = [...weeks.values()]
    .sort((a, b) => String(a.weekStart).localeCompare(String(b.weekStart)))
    .map((point) =>
      Object.fromEntries([
        ...Object.entries(point),
        ...series.filter((s) => !(s.key in point)).map((s) => [s.key, 0]),
      ]),
    );
  return { data, series };
}

/** Blocked seats at the end of each week, stacked by L2 reason, from the status history. */
export function BlockedByL2OverTimeCard({
  query,
  links,
}: {
  query: DashboardReports["overTimeByL2"];
  links: DashboardLinks;
}) {
  const { base, linkable, open } = links;
  const index = usePlaybook();
  const items = query.data?.items;
  const rows = useMemo(
    () => (items ?? []).map((row) => ({ ...row, l2Name: blockedL2Name(index, row.l2, row.l2Name) })),
    [items, index],
  );
  const chart = useMemo(() => {
    const pivot = pivotWeeks(rows);
    // The axis and the tooltip name each week by its first day, as the app writes dates.
    const data = pivot.data.map((point) => ({ ...point, week: formatDate(String(point.weekStart)) }));
    return { ...pivot, data };
  }, [rows]);
  return (
    <ChartCard
      linkable={linkable}
      title={i18n.t("dashboards.overTimeByL2.title")}
      description={i18n.t("dashboards.overTimeByL2.description")}
      query={query}
      suppressed={query.data?.suppressedCells ?? 0}
      empty={rows.length === 0}
      columns={[
        i18n.t("dashboards.columns.weekOf"),
        i18n.t("dashboards.columns.l2"),
        i18n.t("dashboards.columns.blockedSeats"),
        i18n.t("dashboards.columns.tenants"),
      ]}
      rows={rows.map((row) => ({
        key: `${row.weekStart}-${row.l2}`,
        cells: [formatDate(row.weekStart), row.l2Name, formatCount(row.seats), formatCount(row.tenants)],
        href: portfolioHref({ ...base, l2: row.l2 ?? undefined }),
      }))}
    >
      <AreaChart
        h={chartHeight}
        data={chart.data}
        dataKey="week"
        type="stacked"
        series={chart.series.map((series, at) => ({
          name: series.key,
          label: series.label,
          color: palette[at % palette.length]!,
        }))}
        valueFormatter={formatCount}
        curveType="linear"
        withDots={false}
        areaChartProps={{ onClick: () => open({}), style: { cursor: clickCursor(linkable) } }}
      />
      <L2Legend series={chart.series} />
    </ChartCard>
  );
}
