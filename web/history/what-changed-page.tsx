import {
  Alert,
  Anchor,
  Badge,
  Card,
  Center,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { serviceData, withAny } from "../playbook/select-data.ts";
import { Link } from "../router/link.tsx";
import { formatCount, formatDate, plural } from "../shared/format.ts";
import type { CompareAnswer, CompareGroup, StatusChangeRow } from "./history-types.ts";
import { useWhatChanged } from "./use-what-changed.ts";

const kindLabels: Record<StatusChangeRow["kind"], { label: string; color: string }> = {
  newly_blocked: { label: "Newly Blocked", color: "red" },
  unblocked: { label: "Unblocked", color: "green" },
  moved_l2: { label: "Moved between L2s", color: "orange" },
  target_moved: { label: "Target date moved", color: "blue" },
};

/** What changed in the portfolio between the end of two days: by owner and service, with seats. */
export default function WhatChangedPage() {
  const page = useWhatChanged();
  const index = usePlaybook();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={2}>What changed</Title>
          <Text size="sm" c="dimmed">
            Between the end of one day and the end of another (UTC), from the status history: seats newly
            Blocked, unblocked, moved between Blocked reasons, and target dates moved.
          </Text>
        </Stack>
        <Group gap="xs" align="flex-end">
          <TextInput
            type="date"
            size="xs"
            w={150}
            label="From the end of"
            value={page.from}
            max={page.today}
            onChange={(event) => page.set("from", event.currentTarget.value)}
          />
          <TextInput
            type="date"
            size="xs"
            w={150}
            label="To the end of"
            value={page.to}
            max={page.today}
            onChange={(event) => page.set("to", event.currentTarget.value)}
          />
          <NativeSelect
            size="xs"
            w={200}
            label="Service"
            value={page.serviceId}
            data={withAny(serviceData(index), "All services")}
            onChange={(event) => page.set("serviceId", event.currentTarget.value)}
          />
        </Group>
      </Group>
      <ChangesBody page={page} />
    </Stack>
  );
}

function ChangesBody({ page }: { page: ReturnType<typeof useWhatChanged> }) {
  if (!page.listsRows) {
    return (
      <Alert color="gray" title="Totals only">
        This page lists single customers; your role sees the dashboards' totals.
      </Alert>
    );
  }
  if (page.from >= page.to) {
    return (
      <Alert color="yellow" title="Pick a later day to compare to">
        The first day must be before the second.
      </Alert>
    );
  }
  const { compare } = page;
  if (compare.isPending) {
    return (
      <Center h={200}>
        <Loader aria-label="Comparing the two days" />
      </Center>
    );
  }
  if (compare.isError) {
    return (
      <Alert color="red" title="The comparison could not be made">
        {compare.error.message}
      </Alert>
    );
  }
  const answer = compare.data;
  return (
    <Stack gap="sm">
      <Totals answer={answer} />
      {answer.truncated ? (
        <Text size="xs" c="dimmed">
          The first 2,000 changes are listed; the totals count them all.
        </Text>
      ) : null}
      {answer.groups.length === 0 ? (
        <Alert color="gray" title="Nothing changed">
          No seats became Blocked, were unblocked or moved, and no target date moved.
        </Alert>
      ) : (
        answer.groups.map((group) => (
          <GroupCard key={`${group.owner ?? ""}-${group.serviceId}`} group={group} />
        ))
      )}
    </Stack>
  );
}

function Totals({ answer }: { answer: CompareAnswer }) {
  const figures = [
    ["Newly Blocked", `${formatCount(answer.totals.newlyBlockedSeats)} seats`],
    ["Unblocked", `${formatCount(answer.totals.unblockedSeats)} seats`],
    ["Moved between L2s", `${formatCount(answer.totals.movedSeats)} seats`],
    ["Target dates moved", formatCount(answer.totals.targetsMoved)],
  ];
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} aria-label="Totals">
      {figures.map(([label, value]) => (
        <Card key={label} withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text fw={600}>{value}</Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function GroupCard({ group }: { group: CompareGroup }) {
  const title = `${group.owner ?? "No owner"} · ${group.serviceName}`;
  return (
    <Card withBorder padding="sm" component="section" aria-label={title}>
      <Group justify="space-between" mb={4}>
        <Title order={3} size="h6">
          {title}
        </Title>
        <Text size="xs" c="dimmed">
          {plural(group.changes.length, "change")}
        </Text>
      </Group>
      <Table fz="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Change</Table.Th>
            <Table.Th>Customer / tenant</Table.Th>
            <Table.Th>Seats</Table.Th>
            <Table.Th>From</Table.Th>
            <Table.Th>To</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {group.changes.map((change) => (
            <ChangeRow
              key={`${change.entitlementId}-${change.kind}-${change.fromL1}-${change.fromL2}-${change.toL1}-${change.toL2}`}
              change={change}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function side(
  l1Name: string,
  l2Name: string | null,
  target: string | null,
  kind: StatusChangeRow["kind"],
): string {
  if (kind === "target_moved") return target ? formatDate(target) : "no date";
  return l2Name ? `${l1Name}: ${l2Name}` : l1Name;
}

function ChangeRow({ change }: { change: StatusChangeRow }) {
  const kind = kindLabels[change.kind];
  return (
    <Table.Tr>
      <Table.Td>
        <Badge size="xs" variant="light" color={kind.color}>
          {kind.label}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} href={`/?edit=${change.entitlementId}`} size="xs">
          {change.customerName} / {change.tenantName}
        </Anchor>
      </Table.Td>
      <Table.Td>{formatCount(change.seats)}</Table.Td>
      <Table.Td>{side(change.fromL1Name, change.fromL2Name, change.fromTargetDate, change.kind)}</Table.Td>
      <Table.Td>{side(change.toL1Name, change.toL2Name, change.toTargetDate, change.kind)}</Table.Td>
    </Table.Tr>
  );
}
