import { Table, Title } from "@mantine/core";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import { changeText } from "../playbook-versions/change-report-view.tsx";
import { usePlaybookVersions } from "../playbook-versions/playbook-versions-api.ts";
import { appliedByText } from "../playbook-versions/version-list.tsx";
import { formatCount, formatDate } from "../shared/format.ts";

interface Entry {
  key: string;
  date: string;
  who: string;
  what: string;
  notes: string;
}

/**
 * The playbook's change log: the file's refresh summary, and an entry per
 * version this database ran on (docs/PLAYBOOK-VERSIONS.md), in date order.
 */
export function RefreshSummary({ index }: { index: PlaybookIndex }) {
  const versions = usePlaybookVersions();
  const entries: Entry[] = [
    ...index.playbook.refreshSummary.map((entry) => ({ key: `${entry.date}-${entry.what}`, ...entry })),
    ...(versions.data ?? []).map((version) => ({
      key: `version-${version.id}`,
      date: version.effectiveAt.slice(0, 10),
      who: appliedByText(version),
      what: `Version ${version.version} ${version.source === "start" ? "in use" : "applied"}`,
      notes: version.changes
        .map((counted) => `${changeText(counted.change)} (${formatCount(counted.statuses)} statuses)`)
        .join("; "),
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <>
      <Title order={3}>Refresh summary</Title>
      <Table withTableBorder fz="sm" aria-label="Refresh summary">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Who changed</Table.Th>
            <Table.Th>What changed</Table.Th>
            <Table.Th>Notes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.key}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(entry.date)}</Table.Td>
              <Table.Td>{entry.who}</Table.Td>
              <Table.Td>{entry.what}</Table.Td>
              <Table.Td>{entry.notes}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
