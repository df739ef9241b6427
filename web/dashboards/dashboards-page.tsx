import "@mantine/charts/styles.css";
import { Button, Group, NativeSelect, SegmentedControl, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { AsOfNotice, AsOfPicker } from "../history/as-of-picker.tsx";
import { DwellCard } from "../history/dwell-card.tsx";
import { FlowCard } from "../history/flow-card.tsx";
import { i18n } from "../i18n/i18n.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { serviceData, withAny } from "../playbook/select-data.ts";
import { Link } from "../router/link.tsx";
import { AgingCard } from "./aging-card.tsx";
import { BlockedByL2OverTimeCard } from "./blocked-by-l2-over-time-card.tsx";
import { BlockedOverTimeCard } from "./blocked-over-time-card.tsx";
import { L2ServiceCard } from "./l2-service-card.tsx";
import { L3Card } from "./l3-card.tsx";
import { OverdueCard } from "./overdue-card.tsx";
import { ProjectedUnblocksCard } from "./projected-unblocks-card.tsx";
import { QualityCard } from "./quality-card.tsx";
import { RecentChangesCard } from "./recent-changes-card.tsx";
import { useDashboards } from "./use-dashboards.ts";

/** Blocker dashboards for managers and product groups; every chart click opens the matching portfolio. */
export default function DashboardsPage() {
  const index = usePlaybook();
  const { scope, links, setService, setAsOf, setMine, dwellBy, setDwellBy, reports } = useDashboards();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={2}>{i18n.t("dashboards.title")}</Title>
          <Text size="sm" c="dimmed">
            {i18n.t("dashboards.intro")}
            {links.linkable ? i18n.t("dashboards.introLinks") : i18n.t("dashboards.introTotals")}
          </Text>
        </Stack>
        <Group gap="xs" align="flex-end">
          {links.linkable ? (
            <Button component={Link} href="/changes" size="xs" variant="default">
              {i18n.t("dashboards.whatChanged")}
            </Button>
          ) : null}
          {links.linkable ? (
            <SegmentedControl
              size="xs"
              aria-label={i18n.t("dashboards.whose")}
              value={scope.mine ? "mine" : "all"}
              onChange={(value) => setMine(value === "mine")}
              data={[
                { value: "all", label: i18n.t("dashboards.everything") },
                { value: "mine", label: i18n.t("dashboards.mine") },
              ]}
            />
          ) : null}
          <AsOfPicker value={scope.asOf} onChange={setAsOf} />
          <NativeSelect
            label={i18n.t("dashboards.service")}
            size="xs"
            w={220}
            value={scope.serviceId ?? ""}
            data={withAny(serviceData(index), i18n.t("dashboards.allServices"))}
            onChange={(event) => setService(event.currentTarget.value)}
          />
        </Group>
      </Group>
      {scope.asOf ? (
        <AsOfNotice day={scope.asOf} what={i18n.t("dashboards.asOfWhat")} onToday={() => setAsOf(null)} />
      ) : null}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <L2ServiceCard query={reports.byL2} links={links} />
        <L3Card query={reports.byL3} links={links} />
        <AgingCard query={reports.aging} links={links} />
        <ProjectedUnblocksCard query={reports.projected} links={links} />
        <BlockedOverTimeCard query={reports.overTime} links={links} />
        <BlockedByL2OverTimeCard query={reports.overTimeByL2} links={links} />
        <DwellCard query={reports.dwell} by={dwellBy} onBy={setDwellBy} />
        <FlowCard query={reports.flow} />
        {links.linkable ? (
          <OverdueCard rows={reports.overdue.data?.items ?? []} query={reports.overdue} scope={scope} />
        ) : null}
        {links.linkable ? <RecentChangesCard query={reports.recent} /> : null}
        {links.linkable ? <QualityCard /> : null}
      </SimpleGrid>
    </Stack>
  );
}
