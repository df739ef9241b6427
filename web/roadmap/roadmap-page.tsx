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
import { i18n } from "../i18n/i18n.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { formatDate } from "../shared/format.ts";
import { useCan } from "../users/permissions.ts";
import { ShippedReportSection } from "./shipped-report.tsx";
import { shipOutcome, useRoadmap, useShipWorkItem } from "./use-roadmap.ts";
import { unblocksText } from "./work-item-draft.ts";
import { WorkItemForm } from "./work-item-form.tsx";

const stateColors: Record<WorkItem["state"], string> = {
  proposed: "gray",
  planned: "blue",
  in_development: "grape",
  shipped: "green",
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
          <Title order={2}>{i18n.t("roadmap.title")}</Title>
          <Text size="sm" c="dimmed">
            {i18n.t("roadmap.intro")}
          </Text>
        </Stack>
        {manage ? <Button onClick={() => setEditing("new")}>{i18n.t("roadmap.add")}</Button> : null}
      </Group>
      {ship.data ? (
        <Alert color={ship.data.shipped ? "green" : "gray"} withCloseButton onClose={() => ship.reset()}>
          {shipOutcome(ship.data)}
        </Alert>
      ) : null}
      {ship.error ? <Alert color="red">{ship.error.message}</Alert> : null}
      {list.isPending ? (
        <Center h={160}>
          <Loader aria-label={i18n.t("roadmap.loading")} />
        </Center>
      ) : list.isError ? (
        <Alert color="red" title={i18n.t("roadmap.loadFailed")}>
          {list.error.message}
        </Alert>
      ) : items.length === 0 ? (
        <Text c="dimmed">{i18n.t("roadmap.none")}</Text>
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
    <Table striped withTableBorder fz="sm" aria-label={i18n.t("roadmap.table")}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{i18n.t("roadmap.columns.item")}</Table.Th>
          <Table.Th>{i18n.t("roadmap.columns.state")}</Table.Th>
          <Table.Th>{i18n.t("roadmap.columns.reason")}</Table.Th>
          <Table.Th>{i18n.t("roadmap.columns.date")}</Table.Th>
          <Table.Th>{i18n.t("roadmap.columns.seats")}</Table.Th>
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
        <Badge color={stateColors[item.state]} variant="light">
          {i18n.t(`roadmap.states.${item.state}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {item.l3Name ? `${item.l2Name} / ${item.l3Name}` : item.l2Name}
        <Text size="xs" c="dimmed">
          {services || i18n.t("roadmap.allServices")}
        </Text>
      </Table.Td>
      <Table.Td>
        {item.shippedDate
          ? i18n.t("roadmap.shipped", { date: formatDate(item.shippedDate) })
          : item.expectedDate
            ? i18n.t("roadmap.expected", { date: formatDate(item.expectedDate) })
            : ""}
      </Table.Td>
      <Table.Td>{unblocksText(item)}</Table.Td>
      {manage ? (
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Button size="xs" variant="default" onClick={() => onEdit(item)}>
              {i18n.t("roadmap.edit")}
            </Button>
            {item.state === "shipped" ? null : (
              <Button size="xs" color="green" variant="light" onClick={() => onShip(item)}>
                {i18n.t("roadmap.markShipped")}
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
    <Modal opened onClose={onCancel} title={i18n.t("roadmap.confirm", { title: item.title })}>
      <Stack gap="sm">
        <Text size="sm">{i18n.t("roadmap.confirmBody")}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {i18n.t("roadmap.cancel")}
          </Button>
          <Button color="green" onClick={onConfirm}>
            {i18n.t("roadmap.markShipped")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
