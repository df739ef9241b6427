import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import type { WorkItem } from "../../src/http/schemas/work-items.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { formatDate } from "../shared/format.ts";
import { useCan } from "../users/permissions.ts";
import { ShippedReportSection } from "./shipped-report.tsx";
import { shipOutcome, useRoadmap, useShipWorkItem } from "./use-roadmap.ts";
import { unblocksText } from "./work-item-draft.ts";
import { WorkItemForm } from "./work-item-form.tsx";

const stateBadges: Record<WorkItem["state"], { label: string; color: string }> = {
  proposed: { label: "Proposed", color: "gray" },
  planned: { label: "Planned", color: "blue" },
  in_development: { label: "In development", color: "grape" },
  shipped: { label: "Shipped", color: "green" },
};

/**
 * The roadmap loop (docs/ROADMAP.md): product work items, the Blocked seats
 * each would unblock, marking one shipped, and what shipping did.
 */
export default function RoadmapPage() {
  const { list, report } = useRoadmap();
  const can = useCan();
  const manage = can("work_items.manage");
  const [editing, setEditing] = useState<WorkItem | "new" | null>(null);
  const [shipping, setShipping] = useState<WorkItem | null>(null);
  const ship = useShipWorkItem();
  const items = list.data?.items ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={2}>Roadmap</Title>
          <Text size="sm" c="dimmed">
            Product work items and the Blocked seats each would unblock. Counts cover the tenants you may
            total; counts of fewer than 5 tenants are withheld from the product group.
          </Text>
        </Stack>
        {manage ? <Button onClick={() => setEditing("new")}>Add work item</Button> : null}
      </Group>
      {ship.data ? (
        <Alert color={ship.data.shipped ? "green" : "gray"} withCloseButton onClose={() => ship.reset()}>
          {shipOutcome(ship.data)}
        </Alert>
      ) : null}
      {ship.error ? <Alert color="red">{ship.error.message}</Alert> : null}
      {list.isPending ? (
        <Center h={160}>
          <Loader aria-label="Loading the roadmap" />
        </Center>
      ) : list.isError ? (
        <Alert color="red" title="The roadmap could not be loaded">
          {list.error.message}
        </Alert>
      ) : items.length === 0 ? (
        <Text c="dimmed">No work items yet.</Text>
      ) : (
        <WorkItemTable items={items} manage={manage} onEdit={setEditing} onShip={setShipping} />
      )}
      <ShippedReportSection query={report} />
      {editing ? (
        <WorkItemForm item={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {shipping ? (
        <ShipConfirm
          item={shipping}
          onCancel={() => setShipping(null)}
          onConfirm={() => {
            ship.mutate(shipping);
            setShipping(null);
          }}
        />
      ) : null}
    </Stack>
  );
}

interface TableProps {
  items: WorkItem[];
  manage: boolean;
  onEdit: (item: WorkItem) => void;
  onShip: (item: WorkItem) => void;
}

function WorkItemTable({ items, manage, onEdit, onShip }: TableProps) {
  return (
    <Table striped withTableBorder fz="sm" aria-label="Work items">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Work item</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th>Blocked reason</Table.Th>
          <Table.Th>Date</Table.Th>
          <Table.Th>Seats</Table.Th>
          {manage ? <Table.Th /> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <WorkItemRow key={item.id} item={item} manage={manage} onEdit={onEdit} onShip={onShip} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function WorkItemRow({ item, manage, onEdit, onShip }: Omit<TableProps, "items"> & { item: WorkItem }) {
  const index = usePlaybook();
  const badge = stateBadges[item.state];
  const services = item.serviceIds.map((id) => index.service(id)?.name ?? id).join(", ");
  return (
    <Table.Tr data-work-item={item.id}>
      <Table.Td>
        {item.externalUrl ? (
          <Anchor href={item.externalUrl} target="_blank" rel="noopener noreferrer" fw={600}>
            {item.title}
          </Anchor>
        ) : (
          <Text fw={600} size="sm">
            {item.title}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={badge.color} variant="light">
          {badge.label}
        </Badge>
      </Table.Td>
      <Table.Td>
        {item.l3Name ? `${item.l2Name} / ${item.l3Name}` : item.l2Name}
        <Text size="xs" c="dimmed">
          {services || "All services"}
        </Text>
      </Table.Td>
      <Table.Td>
        {item.shippedDate
          ? `Shipped ${formatDate(item.shippedDate)}`
          : item.expectedDate
            ? `Expected ${formatDate(item.expectedDate)}`
            : ""}
      </Table.Td>
      <Table.Td>{unblocksText(item)}</Table.Td>
      {manage ? (
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Button size="xs" variant="default" onClick={() => onEdit(item)}>
              Edit
            </Button>
            {item.state === "shipped" ? null : (
              <Button size="xs" color="green" variant="light" onClick={() => onShip(item)}>
                Mark shipped
              </Button>
            )}
          </Group>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

function ShipConfirm({
  item,
  onCancel,
  onConfirm,
}: {
  item: WorkItem;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <Modal opened onClose={onCancel} title={`Mark "${item.title}" shipped?`}>
      <Stack gap="sm">
        <Text size="sm">
          The owners of every entitlement Blocked for it get a "re-check: the fix shipped" item in My work and
          a notice. This is done once.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button color="green" onClick={onConfirm}>
            Mark shipped
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
