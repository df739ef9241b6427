import { Alert, Stack, Table, Text, Title } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ShippedReport } from "../../src/http/schemas/work-items.ts";
import { i18n } from "../i18n/i18n.ts";
import { formatCount, formatDate } from "../shared/format.ts";

/** Seats unblocked in the 90 days after each ship, from the status history. */
export function ShippedReportSection({ query }: { query: UseQueryResult<ShippedReport> }) {
  const items = query.data?.items ?? [];
  const suppressed = query.data?.suppressedCells ?? 0;
  return (
    <Stack gap="xs" component="section" aria-labelledby="shipped-report">
      <Title order={3} size="h4" id="shipped-report">
        {i18n.t("roadmap.report.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {i18n.t("roadmap.report.intro")}
      </Text>
      {query.isError ? (
        <Alert color="red">{query.error.message}</Alert>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {i18n.t("roadmap.report.none")}
        </Text>
      ) : (
        <Table striped withTableBorder fz="sm" aria-labelledby="shipped-report">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{i18n.t("roadmap.report.columns.shipped")}</Table.Th>
              <Table.Th>{i18n.t("roadmap.report.columns.item")}</Table.Th>
              <Table.Th>{i18n.t("roadmap.report.columns.window")}</Table.Th>
              <Table.Th>{i18n.t("roadmap.report.columns.seats")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((row) => (
              <Table.Tr key={row.workItemId}>
                <Table.Td>{formatDate(row.shippedDate)}</Table.Td>
                <Table.Td>
                  {row.title}
                  <Text size="xs" c="dimmed">
                    {row.l3Name ? `${row.l2Name} / ${row.l3Name}` : row.l2Name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {row.complete
                    ? i18n.t("roadmap.report.to", { date: formatDate(row.windowEnds) })
                    : i18n.t("roadmap.report.soFar", { date: formatDate(row.windowEnds) })}
                </Table.Td>
                <Table.Td>
                  {row.unblocked === null
                    ? i18n.t("roadmap.withheld")
                    : i18n.t("roadmap.seatsAt", {
                        seats: formatCount(row.unblocked.seats),
                        count: row.unblocked.tenants,
                      })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {suppressed > 0 ? (
        <Text size="xs" c="dimmed">
          {i18n.t("roadmap.report.suppressed", { count: suppressed })}
        </Text>
      ) : null}
    </Stack>
  );
}
