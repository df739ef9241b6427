import { Badge, Stack, Table, Text, Title } from "@mantine/core";
import type { PortfolioSync } from "../api/api-types.ts";
import { formatCount, formatDateTime } from "../shared/format.ts";

const stateColor = { queued: "gray", running: "blue", done: "green", failed: "red" } as const;

/** The latest syncs: when, who, how, and what each did. */
export function SyncHistory({ syncs, loading }: { syncs: readonly PortfolioSync[]; loading: boolean }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Recent syncs
      </Title>
      {syncs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {loading ? "Loading…" : "No sync yet."}
        </Text>
      ) : (
        <Table withTableBorder striped fz="sm" aria-label="Recent syncs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>How</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Outcome</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {syncs.map((sync) => (
              <Table.Tr key={sync.id}>
                <Table.Td>{formatDateTime(sync.at)}</Table.Td>
                <Table.Td>{sync.actorEmail}</Table.Td>
                <Table.Td>{howOf(sync)}</Table.Td>
                <Table.Td>
                  <Badge color={stateColor[sync.state]} variant="light">
                    {sync.state}
                  </Badge>
                </Table.Td>
                <Table.Td>{outcomeOf(sync)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function howOf(sync: PortfolioSync): string {
  const parts = [sync.dryRun ? "dry run" : "sync"];
  if (sync.full) parts.push("full");
  if (sync.partial) parts.push("partial");
  if (sync.allowMassEnd) parts.push("mass end allowed");
  return parts.join(", ");
}

function outcomeOf(sync: PortfolioSync): string {
  if (sync.state === "failed") return sync.error ?? "failed";
  const report = sync.report;
  if (!report) return "";
  const files = [report.customers, report.tenants, report.entitlements, report.people, report.usage];
  const total = (name: "added" | "changed" | "ended") => files.reduce((sum, counts) => sum + counts[name], 0);
  const counts = `${formatCount(total("added"))} added, ${formatCount(total("changed"))} changed, ${formatCount(total("ended"))} ended`;
  const refused = report.rejected.length > 0 ? `; ${formatCount(report.rejected.length)} rows refused` : "";
  if (sync.applied) return `${counts}${refused}`;
  return sync.dryRun && !report.refusal
    ? `would be: ${counts}${refused}`
    : `not applied: ${report.refusal ?? ""}`;
}
