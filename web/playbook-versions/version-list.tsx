import { Stack, Table, Text, Title } from "@mantine/core";
import { formatCount, formatDateTime } from "../shared/format.ts";
import { changeText } from "./change-report-view.tsx";
import type { PlaybookVersion } from "./playbook-versions-api.ts";

/** "start" rows were recorded by a server starting on a file that needed no remap. */
export function appliedByText(version: PlaybookVersion): string {
  return version.source === "start" ? "Server start" : `${version.appliedBy.email} (${version.source})`;
}

/** The versions recorded, newest first. */
export function VersionList({ versions, loading }: { versions: PlaybookVersion[]; loading: boolean }) {
  return (
    <Stack gap={4}>
      <Title order={3}>Versions this database ran on</Title>
      {!loading && versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          None recorded yet: a server records the playbook it starts on.
        </Text>
      ) : null}
      {versions.length > 0 ? (
        <Table withTableBorder fz="sm" aria-label="Playbook versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>In use from</Table.Th>
              <Table.Th>Version</Table.Th>
              <Table.Th>Applied by</Table.Th>
              <Table.Th>Changes</Table.Th>
              <Table.Th ta="right">Remapped</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...versions].reverse().map((version) => (
              <Table.Tr key={version.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(version.effectiveAt)}</Table.Td>
                <Table.Td>
                  {version.playbookId} {version.version}
                  <Text size="xs" c="dimmed">
                    {version.path}
                  </Text>
                </Table.Td>
                <Table.Td>{appliedByText(version)}</Table.Td>
                <Table.Td>
                  {version.changes.map((counted) => (
                    <Text size="xs" key={`${counted.change.version} ${changeText(counted.change)}`}>
                      <code>{changeText(counted.change)}</code>
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td ta="right">{formatCount(version.remappedStatuses)} statuses</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
