import { BarChart } from "@mantine/charts";
import { useMemo } from "react";
import type { BlockedByL3Row } from "../api/api-types.ts";
import { i18n } from "../i18n/i18n.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { portfolioHref } from "../portfolio/portfolio-filters.ts";
import { formatCount } from "../shared/format.ts";
import { blockedL2Name, blockedL3Name } from "./blocked-names.ts";
import { ChartCard } from "./chart-card.tsx";
import { type BarClick, chartHeight, clickCursor } from "./chart-style.ts";
import type { DashboardLinks, DashboardReports } from "./use-dashboards.ts";

/** The ten L3 reasons holding the most Blocked seats. */
export function L3Card({ query, links }: { query: DashboardReports["byL3"]; links: DashboardLinks }) {
  const { base, linkable, open } = links;
  const index = usePlaybook();
  const items = query.data?.items;
  const rows = useMemo(
    () =>
      (items ?? []).slice(0, 10).map((row) => ({
        ...row,
        l2Name: blockedL2Name(index, row.l2, row.l2Name),
        l3Name: blockedL3Name(index, row.l2, row.l3, row.l3Name),
      })),
    [items, index],
  );
  return (
    <ChartCard
      linkable={linkable}
      title={i18n.t("dashboards.byL3.title")}
      description={i18n.t("dashboards.byL3.description")}
      query={query}
      suppressed={query.data?.suppressedCells ?? 0}
      empty={rows.length === 0}
      columns={[
        i18n.t("dashboards.columns.l2"),
        i18n.t("dashboards.columns.l3"),
        i18n.t("dashboards.columns.seats"),
        i18n.t("dashboards.columns.share"),
      ]}
      rows={rows.map((row) => ({
        key: `${row.l2}-${row.l3}`,
        cells: [
          row.l2Name,
          row.l3Name,
          formatCount(row.seats),
          `${formatCount(Math.round(row.share * 100))} %`,
        ],
        href: portfolioHref({ ...base, l2: row.l2 ?? undefined, l3: row.l3 ?? undefined }),
      }))}
    >
      <BarChart
        h={Math.max(chartHeight, rows.length * 34 + 40)}
        data={rows.map((row) => ({ ...row, label: l3Label(row) }))}
        dataKey="label"
        orientation="vertical"
        series={[{ name: "seats", label: i18n.t("dashboards.blockedSeats"), color: "red.6" }]}
        valueFormatter={formatCount}
        yAxisProps={{ width: 230, interval: 0, fontSize: 11 }}
        barProps={{
          cursor: clickCursor(linkable),
          onClick: (bar: BarClick) =>
            open({
              l2: (bar.payload?.l2 as string | null) ?? undefined,
              l3: (bar.payload?.l3 as string | null) ?? undefined,
            }),
        }}
      />
    </ChartCard>
  );
}

/** "Network (Customer IT Infrastructure…)": the L3 with enough of its L2 to tell the "Other"s apart. */
function l3Label(row: BlockedByL3Row): string {
  const l2 = row.l2Name.length > 22 ? `${row.l2Name.slice(0, 21)}…` : row.l2Name;
  return row.l3 ? `${row.l3Name} (${l2})` : i18n.t("dashboards.byL3.noL3", { l2 });
}
