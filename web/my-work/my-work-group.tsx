import { Anchor, Badge, Group, Table, Text, Title } from "@mantine/core";
import type { MyWorkGroupView, MyWorkItem } from "../api/api-types.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { SegmentChips } from "../portfolio/segment-chips.tsx";
import { Link } from "../router/link.tsx";
import { formatCount } from "../shared/format.ts";
import { ownerText } from "../shared/owner-text.ts";

const groupColors: Record<MyWorkGroupView["id"], string> = {
  overdue: "red",
  due_this_week: "orange",
  blocked_past_target: "grape",
  rest: "gray",
};

/** One group of My work: its label and count, and a row per entitlement that opens its status editor. */
export function MyWorkGroup({ group }: { group: MyWorkGroupView }) {
  const headingId = `my-work-${group.id}`;
  const more = group.count - group.items.length;
  return (
    <section aria-labelledby={headingId}>
      <Group gap="xs" mb={4}>
        <Title order={3} size="h5" id={headingId}>
          {group.label}
        </Title>
        <Badge color={groupColors[group.id]} variant="light" aria-label={`${group.count} items`}>
          {formatCount(group.count)}
        </Badge>
      </Group>
      {group.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing here.
        </Text>
      ) : (
        <Table striped withTableBorder aria-labelledby={headingId} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Customer / tenant</Table.Th>
              <Table.Th>Service</Table.Th>
              <Table.Th>Status by segment</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Why here</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.items.map((item) => (
              <MyWorkRow key={item.entitlement.id} item={item} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {more > 0 ? (
        <Text size="xs" c="dimmed" mt={4}>
          {formatCount(more)} more not listed; narrow them down in the portfolio.
        </Text>
      ) : null}
    </section>
  );
}

function MyWorkRow({ item }: { item: MyWorkItem }) {
  const index = usePlaybook();
  const { entitlement } = item;
  const tenantHref = `/tenants/${entitlement.tenant.id}`;
  const owners = [...new Set(entitlement.segments.map(ownerText).filter(Boolean))].join("; ");
  return (
    <Table.Tr data-entitlement={entitlement.id}>
      <Table.Td>
        <Anchor component={Link} href={tenantHref} fw={600}>
          {entitlement.customer.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {entitlement.tenant.name} · {entitlement.tenant.domain}
        </Text>
      </Table.Td>
      <Table.Td>
        <Anchor
          component={Link}
          href={`${tenantHref}?edit=${entitlement.id}`}
          title={`Edit the status of ${entitlement.service.name}`}
        >
          {entitlement.service.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {entitlement.stage === "delivery" ? "Delivery" : "Assignment"} ·{" "}
          {formatCount(entitlement.availableSeats)} seats
        </Text>
      </Table.Td>
      <Table.Td>
        <SegmentChips index={index} segments={entitlement.segments} />
      </Table.Td>
      <Table.Td>{owners}</Table.Td>
      <Table.Td>
        <Text size="sm">{item.reason}</Text>
        {item.assigned ? null : (
          <Text size="xs" c="dimmed">
            Yours as the owner of a segment
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
