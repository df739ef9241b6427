import { Alert, Center, Group, Loader, Paper, Stack, Table, Text } from "@mantine/core";
import { formatCount } from "../shared/format.ts";
import { useEscalationReport } from "./escalation-api.ts";

function duration(hours: number | null): string {
  if (hours === null) return "—";
  return hours < 48 ? `${hours} h` : `${Math.round((hours / 24) * 10) / 10} days`;
}

/** The escalation report: waiting escalations by group and L2, and how fast groups answer. */
export function EscalationReportSection({ group }: { group: string }) {
  const report = useEscalationReport(group);
  if (report.isPending) {
    return (
      <Center h={120}>
        <Loader aria-label="Loading the report" />
      </Center>
    );
  }
  if (report.isError) {
    return (
      <Alert color="red" title="The report could not be loaded">
        {report.error.message}
      </Alert>
    );
  }
  const { open, states, timeToAcknowledge, timeToResolve, suppressedCells } = report.data;
  return (
    <Stack gap="md">
      <Group gap="md" grow>
        <Figure label="Waiting" value={formatCount(states.open + states.acknowledged)} />
        <Figure label="Resolved" value={formatCount(states.resolved)} />
        <Figure label="Declined" value={formatCount(states.declined)} />
        <Figure
          label={`Median time to acknowledge (${timeToAcknowledge.count})`}
          value={duration(timeToAcknowledge.medianHours)}
        />
        <Figure
          label={`Median time to resolve (${timeToResolve.count})`}
          value={duration(timeToResolve.medianHours)}
        />
      </Group>
      <Table striped aria-label="Waiting escalations by group and L2">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Group</Table.Th>
            <Table.Th>L2</Table.Th>
            <Table.Th ta="right">Open</Table.Th>
            <Table.Th ta="right">Acknowledged</Table.Th>
            <Table.Th ta="right">Overdue</Table.Th>
            <Table.Th ta="right">Tenants</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {open.map((cell) => (
            <Table.Tr key={`${cell.group}/${cell.l1}/${cell.l2}`}>
              <Table.Td>{cell.group}</Table.Td>
              <Table.Td>{cell.l2Name}</Table.Td>
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
      {open.length === 0 ? <Text c="dimmed">Nothing is waiting.</Text> : null}
      {suppressedCells > 0 ? (
        <Text size="xs" c="dimmed">
          {formatCount(suppressedCells)} rows of fewer than 5 tenants are withheld from aggregate-only
          readers.
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
