import "@mantine/charts/styles.css";
import { AreaChart, BarChart } from "@mantine/charts";
import { Anchor, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import type {
  AgingBucket,
  BlockedByL2ServiceRow,
  BlockedByL3Row,
  BlockedWeek,
  OverdueAction,
  OverdueActionPage,
  ProjectedUnblockWeek,
  TotalsAnswer,
} from "../api/api-types.ts";
import { useReport } from "../api/queries.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { serviceData, withAny } from "../playbook/select-data.ts";
import { playbookHref } from "../playbook/taxonomy-links.tsx";
import { type PortfolioFilters, portfolioHref } from "../portfolio/portfolio-filters.ts";
import { Link } from "../router/link.tsx";
import { navigate, useSearchParams } from "../router/router.ts";
import { formatCount, formatDate } from "../shared/format.ts";
import { useCan } from "../users/permissions.ts";
import { ChartCard } from "./chart-card.tsx";

const palette = [
  "red.6",
  "orange.6",
  "yellow.6",
  "lime.6",
  "teal.6",
  "cyan.6",
  "blue.6",
  "indigo.6",
  "violet.6",
  "grape.6",
  "pink.6",
  "gray.6",
];
const chartHeight = 260;
const topServices = 12;

/** Recharts hands bar clicks the row that was drawn; this reads it back. */
interface BarClick {
  payload?: Record<string, unknown>;
}

/** Blocker dashboards for managers and product groups; every chart click opens the matching portfolio. */
export default function DashboardsPage() {
  const index = usePlaybook();
  const [params, setParams] = useSearchParams();
  const scope = useMemo(() => {
    const value: Record<string, string> = {};
    for (const key of ["serviceId", "customerId"]) {
      const found = params.get(key);
      if (found) value[key] = found;
    }
    return value;
  }, [params]);
  const base: PortfolioFilters = { l1: "blocked", ...scope };
  // Readers who only see totals have no portfolio to open; their charts do not click through.
  const linkable = useCan()("tenants.read");
  const open = (filters: PortfolioFilters) => {
    if (linkable) navigate(portfolioHref({ ...base, ...filters }));
  };

  const byL2 = useReport<TotalsAnswer<BlockedByL2ServiceRow>>("blocked-by-l2-service", scope);
  const byL3 = useReport<TotalsAnswer<BlockedByL3Row>>("blocked-by-l3", scope);
  const aging = useReport<TotalsAnswer<AgingBucket>>("aging", scope);
  const projected = useReport<TotalsAnswer<ProjectedUnblockWeek>>("projected-unblocks", scope);
  const overTime = useReport<TotalsAnswer<BlockedWeek>>("blocked-over-time", scope);
  // Overdue actions name customers: only for readers of the portfolio.
  const overdue = useReport<OverdueActionPage>("overdue-next-actions", { ...scope, limit: "15" }, linkable);

  const l2Rows = byL2.data?.items ?? [];
  const l2Chart = useMemo(() => pivotL2(l2Rows), [l2Rows]);
  const l3Rows = (byL3.data?.items ?? []).slice(0, 10);
  const agingRows = aging.data?.items ?? [];
  const weeks = projected.data?.items ?? [];
  const points = overTime.data?.items ?? [];
  const overdueRows = overdue.data?.items ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={2}>Dashboards</Title>
          <Text size="sm" c="dimmed">
            Blocked seats across the portfolio (Duplicate/Invalid left out).
            {linkable
              ? " Click a bar to open those entitlements."
              : " Totals only: groups of fewer than 5 tenants are left out."}
          </Text>
        </Stack>
        <NativeSelect
          label="Service"
          size="xs"
          w={220}
          value={scope.serviceId ?? ""}
          data={withAny(serviceData(index), "All services")}
          onChange={(event) => {
            const next = new URLSearchParams(params);
            if (event.currentTarget.value) next.set("serviceId", event.currentTarget.value);
            else next.delete("serviceId");
            setParams(next);
          }}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ChartCard
          linkable={linkable}
          title="Blocked seats by L2 reason and service"
          description="Stacked by L2 reason; the services with the most Blocked seats."
          query={byL2}
          suppressed={byL2.data?.suppressedCells ?? 0}
          empty={l2Rows.length === 0}
          columns={["L2 reason", "Service", "Seats", "Tenants"]}
          rows={l2Rows.map((row) => ({
            key: `${row.l2}-${row.serviceId}`,
            cells: [row.l2Name, row.serviceName, formatCount(row.seats), formatCount(row.tenants)],
            href: portfolioHref({ ...base, l2: row.l2 ?? undefined, serviceId: row.serviceId }),
          }))}
        >
          <BarChart
            h={380}
            data={l2Chart.data}
            dataKey="serviceName"
            type="stacked"
            orientation="vertical"
            series={l2Chart.series.map((series, at) => ({
              name: series.key,
              label: series.label,
              color: palette[at % palette.length]!,
            }))}
            valueFormatter={formatCount}
            yAxisProps={{ width: 130, interval: 0, fontSize: 11 }}
            barProps={(series) => ({
              cursor: linkable ? "pointer" : "default",
              onClick: (bar: BarClick) =>
                open({
                  l2: series.name === noL2 ? undefined : series.name,
                  serviceId: String(bar.payload?.serviceId),
                }),
            })}
          />
          <Group gap="xs" mt="xs" aria-label="L2 reasons (legend, linking to the playbook)" role="list">
            {l2Chart.series.map((series, at) => (
              <Anchor
                key={series.key}
                role="listitem"
                component={Link}
                href={series.key === noL2 ? playbookHref("blocked") : playbookHref("blocked", series.key)}
                size="xs"
                c="dark"
              >
                <span
                  className="seat-bar-legend"
                  style={{ background: colorVar(palette[at % palette.length]!) }}
                />
                {series.label}
              </Anchor>
            ))}
          </Group>
        </ChartCard>
        <ChartCard
          linkable={linkable}
          title="Top L3 blockers by seats"
          description="The ten L3 reasons holding the most Blocked seats."
          query={byL3}
          suppressed={byL3.data?.suppressedCells ?? 0}
          empty={l3Rows.length === 0}
          columns={["L2 reason", "L3 reason", "Seats", "Share"]}
          rows={l3Rows.map((row) => ({
            key: `${row.l2}-${row.l3}`,
            cells: [row.l2Name, row.l3Name, formatCount(row.seats), `${Math.round(row.share * 100)}%`],
            href: portfolioHref({ ...base, l2: row.l2 ?? undefined, l3: row.l3 ?? undefined }),
          }))}
        >
          <BarChart
            h={Math.max(chartHeight, l3Rows.length * 34 + 40)}
            data={l3Rows.map((row) => ({ ...row, label: l3Label(row) }))}
            dataKey="label"
            orientation="vertical"
            series={[{ name: "seats", label: "Blocked seats", color: "red.6" }]}
            valueFormatter={formatCount}
            yAxisProps={{ width: 230, interval: 0, fontSize: 11 }}
            barProps={{
              cursor: linkable ? "pointer" : "default",
              onClick: (bar: BarClick) =>
                open({
                  l2: (bar.payload?.l2 as string | null) ?? undefined,
                  l3: (bar.payload?.l3 as string | null) ?? undefined,
                }),
            }}
          />
        </ChartCard>
        <ChartCard
          linkable={linkable}
          title="Aging of Blocked seats"
          description="Days since the seats became Blocked."
          query={aging}
          suppressed={aging.data?.suppressedCells ?? 0}
          empty={agingRows.every((row) => row.seats === 0)}
          columns={["Days blocked", "Seats", "Tenants"]}
          rows={agingRows.map((row) => ({
            key: row.bucket,
            cells: [row.bucket, formatCount(row.seats), formatCount(row.tenants)],
            href: portfolioHref(base),
          }))}
        >
          <BarChart
            h={chartHeight}
            data={agingRows}
            dataKey="bucket"
            series={[{ name: "seats", label: "Blocked seats", color: "orange.6" }]}
            valueFormatter={formatCount}
            xAxisLabel="Days blocked"
            yAxisProps={{ width: 80 }}
            barProps={{ cursor: linkable ? "pointer" : "default", onClick: () => open({}) }}
          />
        </ChartCard>
        <ChartCard
          linkable={linkable}
          title="Projected unblocks per week"
          description="Blocked seats by the week of their projected unblock date; weeks already past have slipped."
          query={projected}
          suppressed={projected.data?.suppressedCells ?? 0}
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
              cursor: linkable ? "pointer" : "default",
              onClick: (bar: BarClick) => open(weekRange(String(bar.payload?.weekStart))),
            }}
          />
        </ChartCard>
        <ChartCard
          linkable={linkable}
          title="Blocked seats over time"
          description="Blocked seats at the end of each week of the past year, rebuilt from the status history."
          query={overTime}
          empty={points.length === 0}
          columns={["Week of", "Blocked seats", "Tenants"]}
          rows={points.map((point) => ({
            key: point.weekStart,
            cells: [formatDate(point.weekStart), formatCount(point.seats), formatCount(point.tenants)],
            href: portfolioHref(base),
          }))}
          suppressed={overTime.data?.suppressedCells ?? 0}
        >
          <AreaChart
            h={chartHeight}
            data={points}
            dataKey="weekStart"
            series={[{ name: "seats", label: "Blocked seats", color: "red.6" }]}
            valueFormatter={formatCount}
            curveType="linear"
            areaChartProps={{ onClick: () => open({}), style: { cursor: linkable ? "pointer" : "default" } }}
          />
        </ChartCard>
        {linkable ? <OverdueCard rows={overdueRows} query={overdue} scope={scope} /> : null}
      </SimpleGrid>
    </Stack>
  );
}

const noL2 = "no_l2";

/** "red.6" -> the CSS variable Mantine defines for it. */
function colorVar(color: string): string {
  const [name, shade] = color.split(".");
  return `var(--mantine-color-${name}-${shade})`;
}

/** Rows of (L2, service) into one bar per service with a key per L2, the shape a stacked chart takes. */
function pivotL2(rows: readonly BlockedByL2ServiceRow[]) {
  const services = new Map<string, Record<string, string | number>>();
  const totals = new Map<string, number>();
  const l2s = new Map<string, string>();
  for (const row of rows) {
    const key = row.l2 ?? noL2;
    l2s.set(key, row.l2Name);
    const bar = services.get(row.serviceId) ?? { serviceId: row.serviceId, serviceName: row.serviceName };
    bar[key] = ((bar[key] as number | undefined) ?? 0) + row.seats;
    services.set(row.serviceId, bar);
    totals.set(row.serviceId, (totals.get(row.serviceId) ?? 0) + row.seats);
  }
  const data = [...services.values()]
    .sort((a, b) => (totals.get(String(b.serviceId)) ?? 0) - (totals.get(String(a.serviceId)) ?? 0))
    .slice(0, topServices);
  const series = [...l2s.entries()].map(([key, label]) => ({ key, label }));
  return { data, series };
}

/** "Network (Customer IT Infrastructure…)": the L3 with enough of its L2 to tell the "Other"s apart. */
function l3Label(row: BlockedByL3Row): string {
  const l2 = row.l2Name.length > 22 ? `${row.l2Name.slice(0, 21)}…` : row.l2Name;
  return row.l3 ? `${row.l3Name} (${l2})` : `${l2} (no L3)`;
}

function weekRange(weekStart: string): PortfolioFilters {
  const end = new Date(`${weekStart}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 6);
  return { targetFrom: weekStart, targetTo: end.toISOString().slice(0, 10) };
}

function OverdueCard({
  rows,
  query,
  scope,
}: {
  rows: OverdueAction[];
  query: { isPending: boolean; isError: boolean; error: Error | null };
  scope: Record<string, string>;
}) {
  return (
    <ChartCard
      title="Overdue next actions"
      description="Next action dates already past, oldest first."
      query={query}
      empty={false}
      columns={[]}
      rows={[]}
    >
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          No overdue next actions.
        </Text>
      ) : (
        <Table fz="xs" striped aria-label="Overdue next actions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Due</Table.Th>
              <Table.Th>Tenant</Table.Th>
              <Table.Th>Service</Table.Th>
              <Table.Th>Next action</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={`${row.entitlementId}-${row.position}`}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {formatDate(row.nextActionDate)} ({row.daysOverdue} days)
                </Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    href={`/tenants/${row.tenantId}?edit=${row.entitlementId}`}
                    size="xs"
                  >
                    {row.customerName} · {row.tenantName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{row.serviceName}</Table.Td>
                <Table.Td>{row.nextAction}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Anchor
        component={Link}
        href={portfolioHref({ ...scope, overdue: "true", sort: "next_action_date" })}
        size="sm"
      >
        All overdue entitlements in the portfolio
      </Anchor>
    </ChartCard>
  );
}
