import { Card, Center, Loader, Table, Text, Title } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { i18n } from "../i18n/i18n.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
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
    <Card withBorder padding="md" component="section" aria-label={i18n.t("history.flow.title")}>
      <Title order={3} size="h5">
        {i18n.t("history.flow.title")}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {answer
          ? i18n.t("history.flow.window", { from: formatDate(answer.from), to: formatDate(answer.to) })
          : i18n.t("history.flow.windowDefault")}
      </Text>
      {query.isPending ? (
        <Center h={160}>
          <Loader aria-label={i18n.t("history.flow.loading")} />
        </Center>
      ) : query.isError ? (
        <Text c="red">{query.error.message}</Text>
      ) : answer && answer.items.length > 0 ? (
        <FlowTable answer={answer} />
      ) : (
        <Text c="dimmed">{i18n.t("history.flow.none")}</Text>
      )}
    </Card>
  );
}

function FlowTable({ answer }: { answer: FlowAnswer }) {
  const index = usePlaybook();
  // Names in the app's language where the playbook knows the L1: the server's are in the asker's
  // language too, but were asked for before a change of language until the answer comes again.
  const nameOf = (id: string | null, sent: string) =>
    id ? (index.l1(id)?.name ?? sent) : i18n.t("history.flow.noStatus");
  const names = new Map<string, string>();
  for (const row of answer.items) {
    names.set(row.fromL1 ?? "", nameOf(row.fromL1, row.fromL1Name));
    names.set(row.toL1 ?? "", nameOf(row.toL1, row.toL1Name));
  }
  const l1s = [...names.keys()];
  const seats = new Map(answer.items.map((row) => [`${row.fromL1 ?? ""}>${row.toL1 ?? ""}`, row.seats]));
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table fz="xs" withColumnBorders mt="xs" aria-label={i18n.t("history.flow.table")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{i18n.t("history.flow.corner")}</Table.Th>
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
          {i18n.t("history.flow.suppressed", { count: answer.suppressedCells })}
        </Text>
      ) : null}
    </>
  );
}
