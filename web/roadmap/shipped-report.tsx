import { Alert, Stack, Table, Text, Title } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ShippedReport } from "../../src/http/schemas/work-items.ts";
import { formatCount, formatDate } from "../shared/format.ts";

/** Seats unblocked in the 90 days after each ship, from the status history. */
export function ShippedReportSection({ query }: { query: UseQueryResult<ShippedReport> }) {
  const items = query.data?.items ?? [];
  const suppressed = query.data?.suppressedCells ?? 0;
  return (
    <Stack gap="xs" component="section" aria-labelledby="shipped-report">
      <Title order={3} size="h4" id="shipped-report">
        After the ship: seats unblocked within 90 days
      </Title>
      <Text size="sm" c="dimmed">
        Seats that left Blocked with the item's reason (on its services) between the day it shipped and 90
        days later, counted from the status history.
      </Text>
      {query.isError ? (
        <Alert color="red">{query.error.message}</Alert>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing has shipped yet.
        </Text>
      ) : (
        <Table striped withTableBorder fz="sm" aria-labelledby="shipped-report">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Shipped</Table.Th>
              <Table.Th>Work item</Table.Th>
              <Table.Th>Window</Table.Th>
              <Table.Th>Seats unblocked</Table.Th>
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
                    ? `to ${formatDate(row.windowEnds)}`
                    : `so far (to ${formatDate(row.windowEnds)})`}
                </Table.Td>
                <Table.Td>
                  {row.unblocked === null
                    ? "Withheld: fewer than 5 tenants"
                    : `${formatCount(row.unblocked.seats)} seats at ${formatCount(row.unblocked.tenants)} tenants`}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {suppressed > 0 ? (
        <Text size="xs" c="dimmed">
          {suppressed} {suppressed === 1 ? "count" : "counts"} of fewer than 5 tenants withheld, so no single
          customer shows through.
        </Text>
      ) : null}
    </Stack>
  );
}
