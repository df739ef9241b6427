import { Alert, Stack, Table, Text, Title } from "@mantine/core";
import type { SyncCountsBody, SyncReportBody } from "../api/api-types.ts";
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
        <Alert color="red" title="Nothing would be written" role="alert">
          {report.refusal}
        </Alert>
      ) : null}
      <Table withTableBorder striped fz="sm" aria-label="Counts per file" maw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            {countNames.map((name) => (
              <Table.Th key={name} ta="right">
                {name[0]!.toUpperCase() + name.slice(1)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map((file) => (
            <Table.Tr key={file}>
              <Table.Td>{file}</Table.Td>
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
  if (rejected.length === 0) return <Text size="sm">No row was refused.</Text>;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {formatCount(rejected.length)} refused {rejected.length === 1 ? "row" : "rows"}
        {rejected.length > shownRejected ? ` (the first ${shownRejected} shown)` : ""}
      </Text>
      <Table withTableBorder fz="xs" aria-label="Refused rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>Row</Table.Th>
            <Table.Th>Column</Table.Th>
            <Table.Th>Code</Table.Th>
            <Table.Th>Message</Table.Th>
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
