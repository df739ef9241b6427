import { Alert, Badge, List, Stack, Table, Text, Title } from "@mantine/core";
import type { CountedChange, PlaybookChangeReport } from "../../src/http/schemas/playbook-versions.ts";
import { i18n } from "../i18n/i18n.ts";
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
        {report.from ? `${report.from.id} ${report.from.version}` : i18n.t("versions.report.none")} →{" "}
        <b>
          {report.to.id} {report.to.version}
        </b>
        {i18n.t("versions.report.remaps", {
          statuses: formatCount(report.remappedStatuses),
          items: formatCount(report.remappedWorkItems),
        })}
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
    <Alert color="red" title={i18n.t("versions.report.orphans")}>
      <List size="sm">
        {report.orphans.map((orphan) => (
          <List.Item key={orphan.path}>
            <code>{orphan.path}</code>:{" "}
            {i18n.t("versions.report.orphan", {
              statuses: formatCount(orphan.statuses),
              seats: formatCount(orphan.seats),
            })}
            {orphan.movedTo ? i18n.t("versions.report.movedTo", { to: orphan.movedTo }) : ""}
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        {i18n.t("versions.report.declare")}
      </Text>
    </Alert>
  );
}

function Changes({ changes }: { changes: CountedChange[] }) {
  return (
    <Stack gap={4}>
      <Title order={4}>{i18n.t("versions.report.declared")}</Title>
      {changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {i18n.t("versions.report.noChanges")}
        </Text>
      ) : (
        <Table withTableBorder fz="sm" aria-label={i18n.t("versions.report.declared")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{i18n.t("versions.report.columns.version")}</Table.Th>
              <Table.Th>{i18n.t("versions.report.columns.change")}</Table.Th>
              <Table.Th ta="right">{i18n.t("versions.report.columns.statuses")}</Table.Th>
              <Table.Th ta="right">{i18n.t("versions.report.columns.seats")}</Table.Th>
              <Table.Th ta="right">{i18n.t("versions.report.columns.items")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((counted) => (
              <Table.Tr key={`${counted.change.version} ${changeText(counted.change)}`}>
                <Table.Td>{counted.change.version}</Table.Td>
                <Table.Td>
                  <code>{changeText(counted.change)}</code>
                  {counted.change.kind === "split" ? (
                    <Text size="xs">{i18n.t("versions.report.rule", { rule: counted.change.rule })}</Text>
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
      <Title order={4}>{i18n.t("versions.report.differ")}</Title>
      <Table withTableBorder fz="sm" aria-label={i18n.t("versions.report.differ")}>
        <Table.Tbody>
          {report.differences.map((difference) => (
            <Table.Tr key={`${difference.kind}-${difference.path}`}>
              <Table.Td>
                <Badge size="sm" variant="light" color={difference.declared ? "gray" : "red"}>
                  {i18n.t(`versions.report.kinds.${difference.kind}`)}
                  {difference.declared ? "" : i18n.t("versions.report.undeclared")}
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
                {difference.kind === "added"
                  ? ""
                  : i18n.t("versions.report.stored", { count: difference.statuses })}
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
      <Title order={4}>{i18n.t("versions.report.sample")}</Title>
      <Table withTableBorder fz="sm" aria-label={i18n.t("versions.report.sampleTable")}>
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
              <Table.Td ta="right">{i18n.t("versions.report.seats", { count: row.seats })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
