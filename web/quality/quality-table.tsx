import { Anchor, Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { QualityItem } from "../../src/http/schemas/quality.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { Link } from "../router/link.tsx";
import { formatCount } from "../shared/format.ts";
import { qualityOwnerText } from "./quality-owner.ts";

const ruleColors: Record<QualityItem["rule"], string> = {
  next_action_passed: "red",
  blocked_target_passed: "grape",
  unknown_unchanged: "gray",
  note_grade: "orange",
  suggest_disagrees: "yellow",
  resplit_needed: "blue",
  usage_contradicts: "teal",
  owner_unresolved: "pink",
};

/** One row per item; the service opens the status editor, where fixing it makes the row go. */
export function QualityTable({ items }: { items: QualityItem[] }) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder fz="sm" aria-label={t("quality.table")}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("quality.columns.rule")}</Table.Th>
          <Table.Th>{t("quality.columns.customer")}</Table.Th>
          <Table.Th>{t("quality.columns.service")}</Table.Th>
          <Table.Th>{t("quality.columns.owner")}</Table.Th>
          <Table.Th>{t("quality.columns.todo")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <QualityRow
            key={`${item.rule}-${item.entitlementId}-${item.position}-${item.data.kind ?? ""}`}
            item={item}
          />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function QualityRow({ item }: { item: QualityItem }) {
  const { t } = useTranslation();
  const index = usePlaybook();
  const l1 = item.segment ? (index.l1(item.segment.l1)?.name ?? item.segment.l1) : null;
  return (
    <Table.Tr data-rule={item.rule} data-entitlement={item.entitlementId}>
      <Table.Td>
        <Badge color={ruleColors[item.rule]} variant="light" style={{ whiteSpace: "nowrap" }}>
          {item.label}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600}>
          {item.customer.name}
        </Text>
        <Text size="xs" c="dimmed">
          {item.tenant.name} · {item.tenant.domain}
        </Text>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} href={item.link} title={t("quality.editOf", { service: item.service.name })}>
          {item.service.name}
        </Anchor>
        {item.segment ? (
          <Text size="xs" c="dimmed">
            {t("quality.segment", { l1, seats: formatCount(item.segment.seats) })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>{qualityOwnerText(index, item.owner)}</Table.Td>
      <Table.Td>
        <Text size="sm">{item.detail}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
