import { Badge, Stack, Table, Text, Title } from "@mantine/core";
import type { PortfolioSync } from "../api/api-types.ts";
import { i18n } from "../i18n/i18n.ts";
import { formatCount, formatDateTime } from "../shared/format.ts";

const stateColor = { queued: "gray", running: "blue", done: "green", failed: "red" } as const;

/** The latest syncs: when, who, how, and what each did. */
export function SyncHistory({ syncs, loading }: { syncs: readonly PortfolioSync[]; loading: boolean }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {i18n.t("feed.history.title")}
      </Title>
      {syncs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {loading ? i18n.t("common.loading") : i18n.t("feed.history.none")}
        </Text>
      ) : (
        <Table withTableBorder striped fz="sm" aria-label={i18n.t("feed.history.title")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{i18n.t("feed.history.columns.when")}</Table.Th>
              <Table.Th>{i18n.t("feed.history.columns.by")}</Table.Th>
              <Table.Th>{i18n.t("feed.history.columns.how")}</Table.Th>
              <Table.Th>{i18n.t("feed.history.columns.state")}</Table.Th>
              <Table.Th>{i18n.t("feed.history.columns.outcome")}</Table.Th>
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
                    {i18n.t(`feed.history.states.${sync.state}`)}
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
  const parts = [i18n.t(sync.dryRun ? "feed.history.dryRun" : "feed.history.sync")];
  if (sync.full) parts.push(i18n.t("feed.history.full"));
  if (sync.partial) parts.push(i18n.t("feed.history.partial"));
  if (sync.allowMassEnd) parts.push(i18n.t("feed.history.massEnd"));
  return parts.join(", ");
}

function outcomeOf(sync: PortfolioSync): string {
  if (sync.state === "failed") return sync.error ?? i18n.t("feed.history.failed");
  const report = sync.report;
  if (!report) return "";
  const files = [report.customers, report.tenants, report.entitlements, report.people, report.usage];
  const total = (name: "added" | "changed" | "ended") => files.reduce((sum, counts) => sum + counts[name], 0);
  const counts = i18n.t("feed.history.counts", {
    added: formatCount(total("added")),
    changed: formatCount(total("changed")),
    ended: formatCount(total("ended")),
  });
  const refused =
    report.rejected.length > 0 ? i18n.t("feed.history.refused", { count: report.rejected.length }) : "";
  if (sync.applied) return `${counts}${refused}`;
  return sync.dryRun && !report.refusal
    ? i18n.t("feed.history.wouldBe", { counts: `${counts}${refused}` })
    : i18n.t("feed.history.notApplied", { reason: report.refusal ?? "" });
}
