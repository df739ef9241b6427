import { LineChart } from "@mantine/charts";
import { Card, Center, Loader, NativeSelect, Table, Text, Title } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { chartHeight } from "../dashboards/chart-style.ts";
import { formatCount, formatDate } from "../shared/format.ts";
import type { DwellAnswer, DwellRow } from "./history-types.ts";

const days = (value: number | null) => (value === null ? "–" : `${value} d`);
const share = (value: number | null) => (value === null ? "–" : `${Math.round(value * 100)}%`);

function rowLabel(row: DwellRow): string {
  if (row.serviceName) return row.serviceName;
  if (row.l3Name) return `${row.l3Name} (${row.l2Name})`;
  return row.l2Name ?? "(no L2)";
}

/**
 * How long seats stay Blocked (docs/HISTORY.md): per reason, days Blocked of
 * the seats Blocked at the end of the window, time to unblock of the seats
 * unblocked in it, and the share of the seats Blocked in it still Blocked
 * after 30, 90 and 180 days, with the survival curve of them all.
 */
export function DwellCard({
  query,
  by,
  onBy,
}: {
  query: UseQueryResult<DwellAnswer>;
  by: string;
  onBy: (by: string) => void;
}) {
  const answer = query.data;
  return (
    <Card withBorder padding="md" component="section" aria-label="How long seats stay Blocked">
      <Title order={3} size="h5">
        How long seats stay Blocked
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {answer
          ? `${formatDate(answer.from)} to ${formatDate(answer.to)} (UTC days), weighted by seats; from the status history.`
          : "The last 90 days, weighted by seats; from the status history."}
      </Text>
      <NativeSelect
        size="xs"
        w={180}
        mb="xs"
        label="Per"
        value={by}
        data={[
          { value: "l2", label: "L2 reason" },
          { value: "l3", label: "L3 reason" },
          { value: "service", label: "Service" },
        ]}
        onChange={(event) => onBy(event.currentTarget.value)}
      />
      {query.isPending ? (
        <Center h={200}>
          <Loader aria-label="Loading dwell times" />
        </Center>
      ) : query.isError ? (
        <Text c="red">{query.error.message}</Text>
      ) : answer && answer.items.length > 0 ? (
        <DwellFigures answer={answer} />
      ) : (
        <Text c="dimmed">Nothing Blocked in this window.</Text>
      )}
    </Card>
  );
}

function DwellFigures({ answer }: { answer: DwellAnswer }) {
  return (
    <>
      {answer.curve.length > 0 ? (
        <LineChart
          h={chartHeight - 60}
          data={answer.curve.map((point) => ({
            days: `${point.days} d`,
            share: point.share === null ? null : Math.round(point.share * 100),
          }))}
          dataKey="days"
          series={[{ name: "share", label: "Still Blocked (%)", color: "red.6" }]}
          valueFormatter={(value) => `${value}%`}
          connectNulls={false}
          role="img"
          aria-label="Share of the seats Blocked in the window still Blocked after so many days"
        />
      ) : null}
      <Table.ScrollContainer minWidth={760}>
        <Table fz="xs" striped mt="xs" aria-label="Dwell times">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Reason</Table.Th>
              <Table.Th>Blocked now</Table.Th>
              <Table.Th>Days Blocked (median / p90)</Table.Th>
              <Table.Th>Unblocked</Table.Th>
              <Table.Th>Days to unblock (median / p90)</Table.Th>
              <Table.Th>Still Blocked after 30 / 90 / 180 d</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {answer.items.map((row) => (
              <Table.Tr key={row.key ?? "none"}>
                <Table.Td>{rowLabel(row)}</Table.Td>
                <Table.Td>{formatCount(row.blockedSeats)}</Table.Td>
                <Table.Td>
                  {days(row.daysBlockedMedian)} / {days(row.daysBlockedP90)}
                </Table.Td>
                <Table.Td>{formatCount(row.unblockedSeats)}</Table.Td>
                <Table.Td>
                  {days(row.daysToUnblockMedian)} / {days(row.daysToUnblockP90)}
                </Table.Td>
                <Table.Td>
                  {share(row.stillBlockedAfter30)} / {share(row.stillBlockedAfter90)} /{" "}
                  {share(row.stillBlockedAfter180)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {answer.suppressedCells > 0 ? (
        <Text size="xs" c="dimmed" mt={4}>
          {answer.suppressedCells} small groups (fewer than 5 tenants) left out, so no single customer shows
          through.
        </Text>
      ) : null}
    </>
  );
}
