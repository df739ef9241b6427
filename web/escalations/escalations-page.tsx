import { Alert, Center, Group, Loader, Select, Stack, Switch, Tabs, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatCount } from "../shared/format.ts";
import { useCan } from "../users/permissions.ts";
import { EscalationCard } from "./escalation-card.tsx";
import { EscalationReportSection } from "./escalation-report.tsx";
import { ResolverGroupsSection } from "./resolver-groups-section.tsx";
import { type QueueState, useEscalationsPage } from "./use-escalations-page.ts";

const queueStates: QueueState[] = ["active", "open", "acknowledged", "resolved", "declined", "all"];

/** Escalations: each resolver group's queue, the report, and (Admins) who belongs to which group. */
export default function EscalationsPage() {
  const { t } = useTranslation();
  const page = useEscalationsPage();
  const can = useCan();
  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={2}>{t("escalations.title")}</Title>
        <Text size="sm" c="dimmed">
          {t("escalations.intro")}
        </Text>
      </div>
      <Tabs value={page.tab} onChange={page.setTab} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="queue">{t("escalations.tabs.queue")}</Tabs.Tab>
          <Tabs.Tab value="report">{t("escalations.tabs.report")}</Tabs.Tab>
          {can("resolvers.manage") ? (
            <Tabs.Tab value="groups">{t("escalations.tabs.groups")}</Tabs.Tab>
          ) : null}
        </Tabs.List>
        <Tabs.Panel value="queue">
          <Queue page={page} />
        </Tabs.Panel>
        <Tabs.Panel value="report">
          <EscalationReportSection group={page.group} />
        </Tabs.Panel>
        <Tabs.Panel value="groups">
          <ResolverGroupsSection />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Queue({ page }: { page: ReturnType<typeof useEscalationsPage> }) {
  const { t } = useTranslation();
  const { queue } = page;
  const stateChoices = queueStates.map((value) => ({ value, label: t(`escalations.states.${value}`) }));
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <Select
          label={t("escalations.filters.group")}
          placeholder={t("escalations.filters.everyGroup")}
          clearable
          searchable
          data={page.groups.map((group) => group.name)}
          value={page.group || null}
          onChange={page.setGroup}
          w={320}
        />
        <Select
          label={t("escalations.filters.state")}
          data={stateChoices}
          value={page.state}
          onChange={(value) => page.setState((value ?? "active") as QueueState)}
          allowDeselect={false}
          w={260}
        />
        <Switch
          label={t("escalations.filters.mine")}
          checked={page.mine}
          onChange={(event) => page.setMine(event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {queue.isPending ? (
        <Center h={120}>
          <Loader aria-label={t("escalations.loading")} />
        </Center>
      ) : queue.isError ? (
        <Alert color="red" title={t("escalations.loadFailed")}>
          {queue.error.message}
        </Alert>
      ) : queue.data.items.length === 0 ? (
        <Text c="dimmed">{t("escalations.none")}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {queue.data.total > queue.data.items.length
              ? t("escalations.firstOf", {
                  shown: formatCount(queue.data.items.length),
                  total: formatCount(queue.data.total),
                })
              : t("escalations.count", { count: queue.data.total })}
          </Text>
          <Stack
            gap="sm"
            component="ol"
            aria-label={t("escalations.queue")}
            style={{ listStyle: "none", margin: 0, padding: 0 }}
          >
            {queue.data.items.map((escalation) => (
              <li key={escalation.id}>
                <EscalationCard escalation={escalation} />
              </li>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
