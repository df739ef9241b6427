import { Alert, Center, Group, Loader, Select, Stack, Switch, Tabs, Text, Title } from "@mantine/core";
import { formatCount } from "../shared/format.ts";
import { useCan } from "../users/permissions.ts";
import { EscalationCard } from "./escalation-card.tsx";
import { EscalationReportSection } from "./escalation-report.tsx";
import { ResolverGroupsSection } from "./resolver-groups-section.tsx";
import { type QueueState, useEscalationsPage } from "./use-escalations-page.ts";

const stateChoices: { value: QueueState; label: string }[] = [
  { value: "active", label: "Waiting (open or acknowledged)" },
  { value: "open", label: "Open" },
  { value: "acknowledged", label: "Acknowledged" },
  { value: "resolved", label: "Resolved" },
  { value: "declined", label: "Declined" },
  { value: "all", label: "All" },
];

/** Escalations: each resolver group's queue, the report, and (Admins) who belongs to which group. */
export default function EscalationsPage() {
  const page = useEscalationsPage();
  const can = useCan();
  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={2}>Escalations</Title>
        <Text size="sm" c="dimmed">
          Entitlements escalated to the resolver group of their L2, by a person from the editor or by the
          playbook's rules. Members of a group acknowledge, resolve or decline its escalations.
        </Text>
      </div>
      <Tabs value={page.tab} onChange={page.setTab} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="queue">Queue</Tabs.Tab>
          <Tabs.Tab value="report">Report</Tabs.Tab>
          {can("resolvers.manage") ? <Tabs.Tab value="groups">Resolver groups</Tabs.Tab> : null}
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
  const { queue } = page;
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <Select
          label="Group"
          placeholder="Every group"
          clearable
          searchable
          data={page.groups.map((group) => group.name)}
          value={page.group || null}
          onChange={page.setGroup}
          w={320}
        />
        <Select
          label="State"
          data={stateChoices}
          value={page.state}
          onChange={(value) => page.setState((value ?? "active") as QueueState)}
          allowDeselect={false}
          w={260}
        />
        <Switch
          label="Mine (my groups)"
          checked={page.mine}
          onChange={(event) => page.setMine(event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {queue.isPending ? (
        <Center h={120}>
          <Loader aria-label="Loading the escalations" />
        </Center>
      ) : queue.isError ? (
        <Alert color="red" title="The escalations could not be loaded">
          {queue.error.message}
        </Alert>
      ) : queue.data.items.length === 0 ? (
        <Text c="dimmed">No escalation matches.</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {queue.data.total > queue.data.items.length
              ? `The first ${formatCount(queue.data.items.length)} of ${formatCount(queue.data.total)} escalations`
              : `${formatCount(queue.data.total)} escalation${queue.data.total === 1 ? "" : "s"}`}
          </Text>
          <Stack
            gap="sm"
            component="ol"
            aria-label="Escalations queue"
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
