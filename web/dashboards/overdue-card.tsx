import { Anchor, Table, Text } from "@mantine/core";
import type { OverdueAction } from "../api/api-types.ts";
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
