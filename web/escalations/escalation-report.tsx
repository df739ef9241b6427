import { Alert, Center, Group, Loader, Paper, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { i18n } from "../i18n/i18n.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { formatCount } from "../shared/format.ts";
import { useEscalationReport } from "./escalation-api.ts";

function duration(hours: number | null): string {
  if (hours === null) return "—";
  return hours < 48
    ? i18n.t("escalations.report.hours", { count: formatCount(hours) })
    : i18n.t("escalations.report.days", { count: formatCount(Math.round((hours / 24) * 10) / 10) });
}

/** The escalation report: waiting escalations by group and L2, and how fast groups answer. */
export function EscalationReportSection({ group }: { group: string }) {
  const { t } = useTranslation();
  const report = useEscalationReport(group);
  const index = usePlaybook();
  if (report.isPending) {
    return (
      <Center h={120}>
        <Loader aria-label={t("escalations.report.loading")} />
      </Center>
    );
  }
  if (report.isError) {
    return (
      <Alert color="red" title={t("escalations.report.loadFailed")}>
        {report.error.message}
      </Alert>
    );
  }
  const { open, states, timeToAcknowledge, timeToResolve, suppressedCells } = report.data;
  return (
    <Stack gap="md">
      <Group gap="md" grow>
        <Figure
          label={t("escalations.report.waiting")}
          value={formatCount(states.open + states.acknowledged)}
        />
        <Figure label={t("escalations.report.resolved")} value={formatCount(states.resolved)} />
        <Figure label={t("escalations.report.declined")} value={formatCount(states.declined)} />
        <Figure
          label={t("escalations.report.toAcknowledge", { count: timeToAcknowledge.count })}
          value={duration(timeToAcknowledge.medianHours)}
        />
        <Figure
          label={t("escalations.report.toResolve", { count: timeToResolve.count })}
          value={duration(timeToResolve.medianHours)}
        />
      </Group>
      <Table striped aria-label={t("escalations.report.table")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("escalations.report.columns.group")}</Table.Th>
            <Table.Th>{t("escalations.report.columns.l2")}</Table.Th>
            <Table.Th ta="right">{t("escalations.report.columns.open")}</Table.Th>
            <Table.Th ta="right">{t("escalations.report.columns.acknowledged")}</Table.Th>
            <Table.Th ta="right">{t("escalations.report.columns.overdue")}</Table.Th>
            <Table.Th ta="right">{t("escalations.report.columns.tenants")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {open.map((cell) => (
            <Table.Tr key={`${cell.group}/${cell.l1}/${cell.l2}`}>
              <Table.Td>{cell.group}</Table.Td>
              <Table.Td>{index.l2(cell.l1, cell.l2)?.name ?? cell.l2Name}</Table.Td>
              <Table.Td ta="right">{formatCount(cell.open)}</Table.Td>
              <Table.Td ta="right">{formatCount(cell.acknowledged)}</Table.Td>
              <Table.Td ta="right" c={cell.overdue > 0 ? "red" : undefined}>
                {formatCount(cell.overdue)}
              </Table.Td>
              <Table.Td ta="right">{formatCount(cell.tenants)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {open.length === 0 ? <Text c="dimmed">{t("escalations.report.nothing")}</Text> : null}
      {suppressedCells > 0 ? (
        <Text size="xs" c="dimmed">
          {t("escalations.report.withheld", { count: suppressedCells })}
        </Text>
      ) : null}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}
