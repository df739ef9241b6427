import { Card, Center, Loader, Table, Text, Title } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { formatCount, formatDate } from "../shared/format.ts";
import type { FlowAnswer } from "./history-types.ts";

/**
 * Where seats went between L1s over the window: an L1 x L1 table weighted by
 * seats, rows the L1 at the start, columns the L1 at the end; the diagonal is
 * the seats that stayed.
 */
export function FlowCard({ query }: { query: UseQueryResult<FlowAnswer> }) {
  const answer = query.data;
  return (
    <Card withBorder padding="md" component="section" aria-label="Flow between L1s">
      <Title order={3} size="h5">
        Flow between L1s
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {answer
          ? `Seats from their L1 at the start of ${formatDate(answer.from)} (rows) to their L1 at the end of ${formatDate(answer.to)} (columns), UTC.`
          : "Seats from their L1 at the start of the window to their L1 at its end."}
      </Text>
      {query.isPending ? (
        <Center h={160}>
          <Loader aria-label="Loading the flow" />
        </Center>
      ) : query.isError ? (
        <Text c="red">{query.error.message}</Text>
      ) : answer && answer.items.length > 0 ? (
        <FlowTable answer={answer} />
      ) : (
        <Text c="dimmed">No seats in this window.</Text>
      )}
    </Card>
  );
}

function FlowTable({ answer }: { answer: FlowAnswer }) {
  const names = new Map<string, string>();
  for (const row of answer.items) {
    names.set(row.fromL1 ?? "", row.fromL1Name);
    names.set(row.toL1 ?? "", row.toL1Name);
  }
  const l1s = [...names.keys()];
  const seats = new Map(answer.items.map((row) => [`${row.fromL1 ?? ""}>${row.toL1 ?? ""}`, row.seats]));
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table fz="xs" withColumnBorders mt="xs" aria-label="Seats moved from each L1 to each L1">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>From \ to</Table.Th>
              {l1s.map((l1) => (
                <Table.Th key={l1}>{names.get(l1)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {l1s.map((from) => (
              <Table.Tr key={from}>
                <Table.Th>{names.get(from)}</Table.Th>
                {l1s.map((to) => {
                  const value = seats.get(`${from}>${to}`);
                  return (
                    <Table.Td key={to} fw={from === to ? 400 : 600}>
                      {value === undefined ? "" : formatCount(value)}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {answer.suppressedCells > 0 ? (
        <Text size="xs" c="dimmed" mt={4}>
          {answer.suppressedCells} small cells (fewer than 5 tenants) left out.
        </Text>
      ) : null}
    </>
  );
}
