import { Anchor, Badge, Group, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MyWorkGroupView, MyWorkItem } from "../api/api-types.ts";
import { useMyWork } from "../api/queries.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { SegmentChips } from "../portfolio/segment-chips.tsx";
import { Link } from "../router/link.tsx";
import { formatCount } from "../shared/format.ts";
import { ownerText } from "../shared/owner-text.ts";
import { myWorkPageLimit, reasonOf } from "./use-my-work.ts";

const groupColors: Record<MyWorkGroupView["id"], string> = {
  overdue: "red",
  due_this_week: "orange",
  blocked_past_target: "grape",
  rest: "gray",
};

/** One group of My work: its label and count, and a row per entitlement that opens its status editor. */
export function MyWorkGroup({ group }: { group: MyWorkGroupView }) {
  const { t } = useTranslation();
  const headingId = `my-work-${group.id}`;
  const more = group.count - group.items.length;
  return (
    <section aria-labelledby={headingId}>
      <Group gap="xs" mb={4}>
        <Title order={3} size="h5" id={headingId}>
          {t(`myWork.groups.${group.id}`)}
        </Title>
        <Badge
          color={groupColors[group.id]}
          variant="light"
          aria-label={t("myWork.items", { count: group.count })}
        >
          {formatCount(group.count)}
        </Badge>
      </Group>
      {group.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("myWork.empty")}
        </Text>
      ) : (
        <Table striped withTableBorder aria-labelledby={headingId} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("myWork.columns.customer")}</Table.Th>
              <Table.Th>{t("myWork.columns.service")}</Table.Th>
              <Table.Th>{t("myWork.columns.status")}</Table.Th>
              <Table.Th>{t("myWork.columns.owner")}</Table.Th>
              <Table.Th>{t("myWork.columns.why")}</Table.Th>
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
          {t("myWork.more", { count: more })}
        </Text>
      ) : null}
    </section>
  );
}

function MyWorkRow({ item }: { item: MyWorkItem }) {
  const { t } = useTranslation();
  const index = usePlaybook();
  const today = useMyWork(myWorkPageLimit).data?.today ?? "";
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
          title={t("myWork.editOf", { service: entitlement.service.name })}
        >
          {entitlement.service.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {t("myWork.serviceDetail", {
            stage: t(`common.stage.${entitlement.stage}`),
            seats: formatCount(entitlement.availableSeats),
          })}
        </Text>
      </Table.Td>
      <Table.Td>
        <SegmentChips index={index} segments={entitlement.segments} />
      </Table.Td>
      <Table.Td>{owners}</Table.Td>
      <Table.Td>
        <Text size="sm">{today ? reasonOf(item, today) : item.reason}</Text>
        {item.assigned ? null : (
          <Text size="xs" c="dimmed">
            {t("myWork.ownerOnly")}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
