import { Alert, Badge, List, Stack, Table, Text, Title } from "@mantine/core";
import type { CountedChange, PlaybookChangeReport } from "../../src/http/schemas/playbook-versions.ts";
import { formatCount } from "../shared/format.ts";

/** "rename blocked/a -> blocked/b", the way `changes:` entries read. */
export function changeText(change: CountedChange["change"]): string {
  const from = change.kind === "merge" ? change.from.join(" + ") : change.from;
  if (change.kind === "split") {
    const parts = change.into.map(
      (part) =>
        `${part.to}${part.services ? ` (${part.services.join(", ")})` : ""}${part.l3s ? ` (L3 ${part.l3s.join(", ")})` : ""}`,
    );
    return `split ${from} into ${parts.join(", ")}`;
  }
  return `${change.kind} ${from} -> ${change.kind === "retire" ? change.replacedBy : change.to}`;
}

/** What a new playbook changes, counted in the database: the preview of an apply, and what it did. */
export function ChangeReportView({ report }: { report: PlaybookChangeReport }) {
  return (
    <Stack gap="md">
      <Text size="sm">
        {report.from ? `${report.from.id} ${report.from.version}` : "No version recorded yet"} →{" "}
        <b>
          {report.to.id} {report.to.version}
        </b>
        : remaps {formatCount(report.remappedStatuses)} statuses and {formatCount(report.remappedWorkItems)}{" "}
        work items.
      </Text>
      {report.orphans.length > 0 ? <Orphans report={report} /> : null}
      <Changes changes={report.changes} />
      <Differences report={report} />
      {report.sample.length > 0 ? <Sample report={report} /> : null}
    </Stack>
  );
}

function Orphans({ report }: { report: PlaybookChangeReport }) {
  return (
    <Alert color="red" title="Stored values this playbook leaves without a mapping">
      <List size="sm">
        {report.orphans.map((orphan) => (
          <List.Item key={orphan.path}>
            <code>{orphan.path}</code>: {formatCount(orphan.statuses)} statuses, {formatCount(orphan.seats)}{" "}
            seats
            {orphan.movedTo ? ` (declared as moving to ${orphan.movedTo}, which it does not define)` : ""}
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        Declare where each goes in the playbook's <code>changes:</code> section (rename, merge, split or
        retire), then preview again.
      </Text>
    </Alert>
  );
}

function Changes({ changes }: { changes: CountedChange[] }) {
  return (
    <Stack gap={4}>
      <Title order={4}>Declared changes</Title>
      {changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          None since the version in use.
        </Text>
      ) : (
        <Table withTableBorder fz="sm" aria-label="Declared changes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Change</Table.Th>
              <Table.Th ta="right">Statuses</Table.Th>
              <Table.Th ta="right">Seats</Table.Th>
              <Table.Th ta="right">Work items</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((counted) => (
              <Table.Tr key={`${counted.change.version} ${changeText(counted.change)}`}>
                <Table.Td>{counted.change.version}</Table.Td>
                <Table.Td>
                  <code>{changeText(counted.change)}</code>
                  {counted.change.kind === "split" ? (
                    <Text size="xs">Rule: {counted.change.rule}</Text>
                  ) : null}
                  {counted.change.note ? (
                    <Text size="xs" c="dimmed">
                      {counted.change.note}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right">{formatCount(counted.statuses)}</Table.Td>
                <Table.Td ta="right">{formatCount(counted.seats)}</Table.Td>
                <Table.Td ta="right">{formatCount(counted.workItems)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function Differences({ report }: { report: PlaybookChangeReport }) {
  if (report.differences.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={4}>L2s and L3s that differ</Title>
      <Table withTableBorder fz="sm" aria-label="L2s and L3s that differ">
        <Table.Tbody>
          {report.differences.map((difference) => (
            <Table.Tr key={`${difference.kind}-${difference.path}`}>
              <Table.Td>
                <Badge size="sm" variant="light" color={difference.declared ? "gray" : "red"}>
                  {difference.kind}
                  {difference.declared ? "" : ", undeclared"}
                </Badge>
              </Table.Td>
              <Table.Td>
                <code>{difference.path}</code>
              </Table.Td>
              <Table.Td>
                {difference.name}
                {difference.newName ? ` → ${difference.newName}` : ""}
              </Table.Td>
              <Table.Td ta="right">
                {difference.kind === "added" ? "" : `${formatCount(difference.statuses)} statuses stored`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Sample({ report }: { report: PlaybookChangeReport }) {
  return (
    <Stack gap={4}>
      <Title order={4}>Statuses it remaps (largest first, up to 20)</Title>
      <Table withTableBorder fz="sm" aria-label="Statuses it remaps">
        <Table.Tbody>
          {report.sample.map((row) => (
            <Table.Tr key={`${row.entitlementId}-${row.from}`}>
              <Table.Td>
                {row.customer} / {row.tenant}
              </Table.Td>
              <Table.Td>{row.serviceId}</Table.Td>
              <Table.Td>
                <code>{row.from}</code> → <code>{row.to}</code>
              </Table.Td>
              <Table.Td ta="right">{formatCount(row.seats)} seats</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
