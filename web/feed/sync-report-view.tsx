import { Alert, Stack, Table, Text, Title } from "@mantine/core";
import type { SyncCountsBody, SyncReportBody } from "../api/api-types.ts";
import { i18n } from "../i18n/i18n.ts";
import { formatCount } from "../shared/format.ts";

const files = ["customers", "tenants", "entitlements", "people", "usage"] as const;
const countNames: (keyof SyncCountsBody)[] = ["added", "changed", "unchanged", "ended"];
/** Rows shown of a long list of refused rows; the CLI's --json has them all. */
const shownRejected = 200;

/** A sync's counts per file, why nothing was written if so, and the refused rows. */
export function SyncReportView({ report, title }: { report: SyncReportBody; title: string }) {
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {title}
      </Title>
      {report.refusal ? (
        <Alert color="red" title={i18n.t("feed.report.nothing")} role="alert">
          {report.refusal}
        </Alert>
      ) : null}
      <Table withTableBorder striped fz="sm" aria-label={i18n.t("feed.report.counts")} maw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{i18n.t("feed.report.file")}</Table.Th>
            {countNames.map((name) => (
              <Table.Th key={name} ta="right">
                {i18n.t(`feed.report.names.${name}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map((file) => (
            <Table.Tr key={file}>
              <Table.Td>{i18n.t(`feed.report.files.${file}`)}</Table.Td>
              {countNames.map((name) => (
                <Table.Td key={name} ta="right">
                  {formatCount(report[file][name])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <RejectedRows rejected={report.rejected} />
    </Stack>
  );
}

function RejectedRows({ rejected }: { rejected: SyncReportBody["rejected"] }) {
  if (rejected.length === 0) return <Text size="sm">{i18n.t("feed.report.noneRefused")}</Text>;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {i18n.t("feed.report.refused", { count: rejected.length })}
        {rejected.length > shownRejected ? i18n.t("feed.report.firstShown", { count: shownRejected }) : ""}
      </Text>
      <Table withTableBorder fz="xs" aria-label={i18n.t("feed.report.refusedRows")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{i18n.t("feed.report.columns.file")}</Table.Th>
            <Table.Th>{i18n.t("feed.report.columns.row")}</Table.Th>
            <Table.Th>{i18n.t("feed.report.columns.column")}</Table.Th>
            <Table.Th>{i18n.t("feed.report.columns.code")}</Table.Th>
            <Table.Th>{i18n.t("feed.report.columns.message")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rejected.slice(0, shownRejected).map((row) => (
            <Table.Tr key={`${row.file}-${row.row}-${row.column}-${row.code}`}>
              <Table.Td>{row.file}</Table.Td>
              <Table.Td>{row.row}</Table.Td>
              <Table.Td>{row.column ?? ""}</Table.Td>
              <Table.Td>
                <code>{row.code}</code>
              </Table.Td>
              <Table.Td>{row.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
