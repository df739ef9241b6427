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
import { i18n } from "../i18n/i18n.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { serviceData, withAny } from "../playbook/select-data.ts";
import { Link } from "../router/link.tsx";
import { formatCount, formatDate } from "../shared/format.ts";
import type { CompareAnswer, CompareGroup, StatusChangeRow } from "./history-types.ts";
import { useWhatChanged } from "./use-what-changed.ts";

const kindColors: Record<StatusChangeRow["kind"], string> = {
  newly_blocked: "red",
  unblocked: "green",
  moved_l2: "orange",
  target_moved: "blue",
};

/** What changed in the portfolio between the end of two days: by owner and service, with seats. */
export default function WhatChangedPage() {
  const page = useWhatChanged();
  const index = usePlaybook();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={2}>{i18n.t("history.changes.title")}</Title>
          <Text size="sm" c="dimmed">
            {i18n.t("history.changes.intro")}
          </Text>
        </Stack>
        <Group gap="xs" align="flex-end">
          <TextInput
            type="date"
            size="xs"
            w={150}
            label={i18n.t("history.changes.from")}
            value={page.from}
            max={page.today}
            onChange={(event) => page.set("from", event.currentTarget.value)}
          />
          <TextInput
            type="date"
            size="xs"
            w={150}
            label={i18n.t("history.changes.to")}
            value={page.to}
            max={page.today}
            onChange={(event) => page.set("to", event.currentTarget.value)}
          />
          <NativeSelect
            size="xs"
            w={200}
            label={i18n.t("history.changes.service")}
            value={page.serviceId}
            data={withAny(serviceData(index), i18n.t("history.changes.allServices"))}
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
      <Alert color="gray" title={i18n.t("history.changes.totalsOnly")}>
        {i18n.t("history.changes.totalsOnlyBody")}
      </Alert>
    );
  }
  if (page.from >= page.to) {
    return (
      <Alert color="yellow" title={i18n.t("history.changes.later")}>
        {i18n.t("history.changes.laterBody")}
      </Alert>
    );
  }
  const { compare } = page;
  if (compare.isPending) {
    return (
      <Center h={200}>
        <Loader aria-label={i18n.t("history.changes.comparing")} />
      </Center>
    );
  }
  if (compare.isError) {
    return (
      <Alert color="red" title={i18n.t("history.changes.failed")}>
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
          {i18n.t("history.changes.truncated")}
        </Text>
      ) : null}
      {answer.groups.length === 0 ? (
        <Alert color="gray" title={i18n.t("history.changes.nothing")}>
          {i18n.t("history.changes.nothingBody")}
        </Alert>
      ) : (
        answer.groups.map((group) => (
          <GroupCard key={`${group.owner ?? ""}-${group.serviceId}`} group={group} />
        ))
      )}
    </Stack>
  );
}

const seats = (count: number) => i18n.t("history.changes.seats", { count });

function Totals({ answer }: { answer: CompareAnswer }) {
  const figures = [
    [i18n.t("history.changes.kinds.newly_blocked"), seats(answer.totals.newlyBlockedSeats)],
    [i18n.t("history.changes.kinds.unblocked"), seats(answer.totals.unblockedSeats)],
    [i18n.t("history.changes.kinds.moved_l2"), seats(answer.totals.movedSeats)],
    [i18n.t("history.changes.targetsMoved"), formatCount(answer.totals.targetsMoved)],
  ];
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} aria-label={i18n.t("history.changes.totals")}>
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
  const title = `${group.owner ?? i18n.t("history.changes.noOwner")} · ${group.serviceName}`;
  return (
    <Card withBorder padding="sm" component="section" aria-label={title}>
      <Group justify="space-between" mb={4}>
        <Title order={3} size="h6">
          {title}
        </Title>
        <Text size="xs" c="dimmed">
          {i18n.t("history.changes.count", { count: group.changes.length })}
        </Text>
      </Group>
      <Table fz="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{i18n.t("history.changes.columns.change")}</Table.Th>
            <Table.Th>{i18n.t("history.changes.columns.customer")}</Table.Th>
            <Table.Th>{i18n.t("history.changes.columns.seats")}</Table.Th>
            <Table.Th>{i18n.t("history.changes.columns.from")}</Table.Th>
            <Table.Th>{i18n.t("history.changes.columns.to")}</Table.Th>
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
  if (kind === "target_moved") return target ? formatDate(target) : i18n.t("history.changes.noDate");
  return l2Name ? `${l1Name}: ${l2Name}` : l1Name;
}

function ChangeRow({ change }: { change: StatusChangeRow }) {
  const index = usePlaybook();
  // Names in the app's language where the playbook knows them: the server's are in the asker's
  // language too, but were asked for before a change of language until the answer comes again.
  const l1Name = (id: string | null, sent: string) =>
    id ? (index.l1(id)?.name ?? sent) : i18n.t("history.flow.noStatus");
  const l2Name = (l1: string | null, l2: string | null, sent: string | null) =>
    l1 && l2 ? (index.l2(l1, l2)?.name ?? sent) : sent;
  return (
    <Table.Tr>
      <Table.Td>
        <Badge size="xs" variant="light" color={kindColors[change.kind]}>
          {i18n.t(`history.changes.kinds.${change.kind}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} href={`/?edit=${change.entitlementId}`} size="xs">
          {change.customerName} / {change.tenantName}
        </Anchor>
      </Table.Td>
      <Table.Td>{formatCount(change.seats)}</Table.Td>
      <Table.Td>
        {side(
          l1Name(change.fromL1, change.fromL1Name),
          l2Name(change.fromL1, change.fromL2, change.fromL2Name),
          change.fromTargetDate,
          change.kind,
        )}
      </Table.Td>
      <Table.Td>
        {side(
          l1Name(change.toL1, change.toL1Name),
          l2Name(change.toL1, change.toL2, change.toL2Name),
          change.toTargetDate,
          change.kind,
        )}
      </Table.Td>
    </Table.Tr>
  );
}
