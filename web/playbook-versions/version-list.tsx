import { Stack, Table, Text, Title } from "@mantine/core";
import { i18n } from "../i18n/i18n.ts";
import { formatDateTime } from "../shared/format.ts";
import { changeText } from "./change-report-view.tsx";
import type { PlaybookVersion } from "./playbook-versions-api.ts";

/** "start" rows were recorded by a server starting on a file that needed no remap. */
export function appliedByText(version: PlaybookVersion): string {
  return version.source === "start"
    ? i18n.t("versions.list.start")
    : `${version.appliedBy.email} (${version.source})`;
}

/** The versions recorded, newest first. */
export function VersionList({ versions, loading }: { versions: PlaybookVersion[]; loading: boolean }) {
  return (
    <Stack gap={4}>
      <Title order={3}>{i18n.t("versions.list.title")}</Title>
      {!loading && versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {i18n.t("versions.list.none")}
        </Text>
      ) : null}
      {versions.length > 0 ? (
        <Table withTableBorder fz="sm" aria-label={i18n.t("versions.list.table")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{i18n.t("versions.list.columns.from")}</Table.Th>
              <Table.Th>{i18n.t("versions.list.columns.version")}</Table.Th>
              <Table.Th>{i18n.t("versions.list.columns.by")}</Table.Th>
              <Table.Th>{i18n.t("versions.list.columns.changes")}</Table.Th>
              <Table.Th ta="right">{i18n.t("versions.list.columns.remapped")}</Table.Th>
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
                <Table.Td ta="right">
                  {i18n.t("versions.list.statuses", { count: version.remappedStatuses })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
