import { Anchor, Badge, Button, Group, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RecheckItem } from "../../src/http/schemas/work-items.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { SegmentChips } from "../portfolio/segment-chips.tsx";
import { Link } from "../router/link.tsx";
import { formatCount, formatDate } from "../shared/format.ts";
import { useRechecks } from "./use-rechecks.ts";

/**
 * Blocked statuses of yours whose fix shipped (docs/ROADMAP.md): each stays
 * until the status changes or you dismiss it. Shown only when there are some.
 */
export function RecheckGroup() {
  const { t } = useTranslation();
  const { list, dismiss } = useRechecks();
  const data = list.data;
  if (!data || data.count === 0) return null;
  const more = data.count - data.items.length;
  return (
    <section aria-labelledby="my-work-recheck">
      <Group gap="xs" mb={4}>
        <Title order={3} size="h5" id="my-work-recheck">
          {t("myWork.groups.recheck")}
        </Title>
        <Badge color="green" variant="light" aria-label={t("myWork.items", { count: data.count })}>
          {formatCount(data.count)}
        </Badge>
      </Group>
      <Table striped withTableBorder aria-labelledby="my-work-recheck" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("myWork.columns.customer")}</Table.Th>
            <Table.Th>{t("myWork.columns.service")}</Table.Th>
            <Table.Th>{t("myWork.columns.status")}</Table.Th>
            <Table.Th>{t("myWork.columns.shipped")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((item) => (
            <RecheckRow
              key={item.id}
              item={item}
              onDismiss={() => dismiss.mutate(item.id)}
              dismissing={dismiss.isPending && dismiss.variables === item.id}
            />
          ))}
        </Table.Tbody>
      </Table>
      {more > 0 ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t("myWork.moreRechecks", { count: more })}
        </Text>
      ) : null}
    </section>
  );
}

function RecheckRow({
  item,
  onDismiss,
  dismissing,
}: {
  item: RecheckItem;
  onDismiss: () => void;
  dismissing: boolean;
}) {
  const { t } = useTranslation();
  const index = usePlaybook();
  const { entitlement, workItem } = item;
  const tenantHref = `/tenants/${entitlement.tenant.id}`;
  return (
    <Table.Tr data-recheck={item.id} data-entitlement={entitlement.id}>
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
          title={t("myWork.recheckOf", { service: entitlement.service.name })}
        >
          {entitlement.service.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <SegmentChips index={index} segments={entitlement.segments} />
      </Table.Td>
      <Table.Td>
        {workItem.externalUrl ? (
          <Anchor href={workItem.externalUrl} target="_blank" rel="noopener noreferrer">
            {workItem.title}
          </Anchor>
        ) : (
          workItem.title
        )}
        <Text size="xs" c="dimmed">
          {workItem.shippedDate
            ? t("myWork.reason.shippedOn", {
                title: workItem.title,
                date: formatDate(workItem.shippedDate),
                seats: item.seats,
              })
            : t("myWork.reason.shipped", { title: workItem.title, seats: item.seats })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Button size="xs" variant="subtle" loading={dismissing} onClick={onDismiss}>
          {t("myWork.dismiss")}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
