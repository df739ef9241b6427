import { Anchor, Table, Text } from "@mantine/core";
import type { OverdueAction } from "../api/api-types.ts";
import { i18n } from "../i18n/i18n.ts";
import { portfolioHref } from "../portfolio/portfolio-filters.ts";
import { Link } from "../router/link.tsx";
import { formatDate } from "../shared/format.ts";
import { ChartCard } from "./chart-card.tsx";

/** The oldest overdue next actions, each opening its service's editor; only for readers of the portfolio. */
export function OverdueCard({
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
      title={i18n.t("dashboards.overdue.title")}
      description={i18n.t("dashboards.overdue.description")}
      query={query}
      empty={false}
      columns={[]}
      rows={[]}
    >
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {i18n.t("dashboards.overdue.none")}
        </Text>
      ) : (
        <Table fz="xs" striped aria-label={i18n.t("dashboards.overdue.title")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{i18n.t("dashboards.overdue.due")}</Table.Th>
              <Table.Th>{i18n.t("dashboards.overdue.tenant")}</Table.Th>
              <Table.Th>{i18n.t("dashboards.overdue.service")}</Table.Th>
              <Table.Th>{i18n.t("dashboards.overdue.action")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={`${row.entitlementId}-${row.position}`}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {i18n.t("dashboards.overdue.days", {
                    date: formatDate(row.nextActionDate),
                    count: row.daysOverdue,
                  })}
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
        {i18n.t("dashboards.overdue.all")}
      </Anchor>
    </ChartCard>
  );
}
