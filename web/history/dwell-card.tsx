import { LineChart } from "@mantine/charts";
import { Card, Center, Loader, NativeSelect, Table, Text, Title } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import { chartHeight } from "../dashboards/chart-style.ts";
import { i18n } from "../i18n/i18n.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { formatCount, formatDate } from "../shared/format.ts";
import type { DwellAnswer, DwellRow } from "./history-types.ts";

const days = (value: number | null) =>
  value === null ? "–" : i18n.t("history.dwell.days", { count: formatCount(value) });
const share = (value: number | null) => (value === null ? "–" : `${formatCount(Math.round(value * 100))} %`);

/** The row's reason by its name in the app's language (the server's, asked before a change of language, may lag). */
function rowLabel(index: PlaybookIndex, row: DwellRow): string {
  if (row.serviceName) return row.serviceName;
  const l2 = row.l2 ? (index.l2("blocked", row.l2)?.name ?? row.l2Name) : i18n.t("history.dwell.noL2");
  if (row.l3Name === null) return l2 ?? i18n.t("history.dwell.noL2");
  // Per L3: the server writes "(no L3)" for seats without one; the app says it in its language.
  const l3 = !row.l3
    ? i18n.t("history.dwell.noL3")
    : row.l2
      ? (index.l3("blocked", row.l2, row.l3)?.name ?? row.l3Name)
      : row.l3Name;
  return `${l3} (${l2})`;
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
    <Card withBorder padding="md" component="section" aria-label={i18n.t("history.dwell.title")}>
      <Title order={3} size="h5">
        {i18n.t("history.dwell.title")}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {answer
          ? i18n.t("history.dwell.window", { from: formatDate(answer.from), to: formatDate(answer.to) })
          : i18n.t("history.dwell.windowDefault")}
      </Text>
      <NativeSelect
        size="xs"
        w={180}
        mb="xs"
        label={i18n.t("history.dwell.per")}
        value={by}
        data={[
          { value: "l2", label: i18n.t("history.dwell.by.l2") },
          { value: "l3", label: i18n.t("history.dwell.by.l3") },
          { value: "service", label: i18n.t("history.dwell.by.service") },
        ]}
        onChange={(event) => onBy(event.currentTarget.value)}
      />
      {query.isPending ? (
        <Center h={200}>
          <Loader aria-label={i18n.t("history.dwell.loading")} />
        </Center>
      ) : query.isError ? (
        <Text c="red">{query.error.message}</Text>
      ) : answer && answer.items.length > 0 ? (
        <DwellFigures answer={answer} />
      ) : (
        <Text c="dimmed">{i18n.t("history.dwell.none")}</Text>
      )}
    </Card>
  );
}

function DwellFigures({ answer }: { answer: DwellAnswer }) {
  const index = usePlaybook();
  return (
    <>
      {answer.curve.length > 0 ? (
        <LineChart
          h={chartHeight - 60}
          data={answer.curve.map((point) => ({
            days: i18n.t("history.dwell.days", { count: point.days }),
            share: point.share === null ? null : Math.round(point.share * 100),
          }))}
          dataKey="days"
          series={[{ name: "share", label: i18n.t("history.dwell.series"), color: "red.6" }]}
          valueFormatter={(value) => `${formatCount(value)} %`}
          connectNulls={false}
          role="img"
          aria-label={i18n.t("history.dwell.chart")}
        />
      ) : null}
      <Table.ScrollContainer minWidth={760}>
        <Table fz="xs" striped mt="xs" aria-label={i18n.t("history.dwell.table")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{i18n.t("history.dwell.columns.reason")}</Table.Th>
              <Table.Th>{i18n.t("history.dwell.columns.now")}</Table.Th>
              <Table.Th>{i18n.t("history.dwell.columns.daysBlocked")}</Table.Th>
              <Table.Th>{i18n.t("history.dwell.columns.unblocked")}</Table.Th>
              <Table.Th>{i18n.t("history.dwell.columns.toUnblock")}</Table.Th>
              <Table.Th>{i18n.t("history.dwell.columns.still")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {answer.items.map((row) => (
              <Table.Tr key={row.key ?? "none"}>
                <Table.Td>{rowLabel(index, row)}</Table.Td>
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
          {i18n.t("history.dwell.suppressed", { count: answer.suppressedCells })}
        </Text>
      ) : null}
    </>
  );
}
