import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlannedRow } from "./bulk-plan.ts";

/** Each selected row and what the rules say of the change for it. */
export function PlanTable({ planned }: { planned: readonly PlannedRow[] }) {
  const { t } = useTranslation();
  if (planned.length === 0) return null;
  return (
    <Table striped withTableBorder fz="xs" aria-label={t("bulk.plan")}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("bulk.columns.customer")}</Table.Th>
          <Table.Th>{t("bulk.columns.service")}</Table.Th>
          <Table.Th>{t("bulk.columns.check")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {planned.map((row) => (
          <Table.Tr key={row.entitlement.id}>
            <Table.Td>
              {row.entitlement.customer.name} · {row.entitlement.tenant.name}
            </Table.Td>
            <Table.Td>{row.entitlement.service.name}</Table.Td>
            <Table.Td>
              {row.violations.length === 0 ? (
                <Text c="green" size="xs">
                  {t("bulk.ready")}
                </Text>
              ) : (
                <Text c="red" size="xs">
                  {row.violations.map((found) => found.message).join(" ")}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
