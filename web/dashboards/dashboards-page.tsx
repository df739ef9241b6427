import "@mantine/charts/styles.css";
import { Group, NativeSelect, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { serviceData, withAny } from "../playbook/select-data.ts";
import { AgingCard } from "./aging-card.tsx";
import { BlockedOverTimeCard } from "./blocked-over-time-card.tsx";
import { L2ServiceCard } from "./l2-service-card.tsx";
import { L3Card } from "./l3-card.tsx";
import { OverdueCard } from "./overdue-card.tsx";
import { ProjectedUnblocksCard } from "./projected-unblocks-card.tsx";
import { QualityCard } from "./quality-card.tsx";
import { useDashboards } from "./use-dashboards.ts";

/** Blocker dashboards for managers and product groups; every chart click opens the matching portfolio. */
export default function DashboardsPage() {
  const index = usePlaybook();
  const { scope, links, setService, reports } = useDashboards();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={2}>Dashboards</Title>
          <Text size="sm" c="dimmed">
            Blocked seats across the portfolio (Duplicate/Invalid left out).
            {links.linkable
              ? " Click a bar to open those entitlements."
              : " Totals only: groups of fewer than 5 tenants are left out."}
          </Text>
        </Stack>
        <NativeSelect
          label="Service"
          size="xs"
          w={220}
          value={scope.serviceId ?? ""}
          data={withAny(serviceData(index), "All services")}
          onChange={(event) => setService(event.currentTarget.value)}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <L2ServiceCard query={reports.byL2} links={links} />
        <L3Card query={reports.byL3} links={links} />
        <AgingCard query={reports.aging} links={links} />
        <ProjectedUnblocksCard query={reports.projected} links={links} />
        <BlockedOverTimeCard query={reports.overTime} links={links} />
        {links.linkable ? (
          <OverdueCard rows={reports.overdue.data?.items ?? []} query={reports.overdue} scope={scope} />
        ) : null}
        {links.linkable ? <QualityCard /> : null}
      </SimpleGrid>
    </Stack>
  );
}
