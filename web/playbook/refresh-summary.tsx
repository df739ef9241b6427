import { Table, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import { changeText } from "../playbook-versions/change-report-view.tsx";
import { usePlaybookVersions } from "../playbook-versions/playbook-versions-api.ts";
import { appliedByText } from "../playbook-versions/version-list.tsx";
import { formatDate } from "../shared/format.ts";

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
  const { t } = useTranslation();
  const versions = usePlaybookVersions();
  const entries: Entry[] = [
    ...index.playbook.refreshSummary.map((entry) => ({ key: `${entry.date}-${entry.what}`, ...entry })),
    ...(versions.data ?? []).map((version) => ({
      key: `version-${version.id}`,
      date: version.effectiveAt.slice(0, 10),
      who: appliedByText(version),
      what: t(version.source === "start" ? "playbook.refresh.inUse" : "playbook.refresh.applied", {
        version: version.version,
      }),
      notes: version.changes
        .map((counted) =>
          t("playbook.refresh.statuses", { change: changeText(counted.change), count: counted.statuses }),
        )
        .join("; "),
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <>
      <Title order={3}>{t("playbook.refresh.title")}</Title>
      <Table withTableBorder fz="sm" aria-label={t("playbook.refresh.title")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("playbook.refresh.columns.date")}</Table.Th>
            <Table.Th>{t("playbook.refresh.columns.who")}</Table.Th>
            <Table.Th>{t("playbook.refresh.columns.what")}</Table.Th>
            <Table.Th>{t("playbook.refresh.columns.notes")}</Table.Th>
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
