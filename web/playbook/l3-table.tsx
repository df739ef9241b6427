import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { L1, L2 } from "../../src/domain/playbook/playbook-schema.ts";
import { portfolioHref } from "../portfolio/portfolio-filters.ts";
import { Link } from "../router/link.tsx";

/** An L2's L3 reasons with the services each applies to; the one the URL points at is highlighted. */
export function L3Table({
  index,
  l1,
  l2,
  highlighted,
}: {
  index: PlaybookIndex;
  l1: L1;
  l2: L2;
  /** The URL's hash, "l3-<id>" for a linked L3. */
  highlighted: string;
}) {
  const { t } = useTranslation();
  if (l2.l3 === "none" || l2.l3s.length === 0) return <Text c="dimmed">{t("playbook.noL3")}</Text>;
  return (
    <Table withTableBorder fz="sm" aria-label={t("playbook.l3Table", { l2: l2.name })}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("playbook.l3Columns.l3")}</Table.Th>
          <Table.Th>{t("playbook.l3Columns.definition")}</Table.Th>
          <Table.Th>{t("playbook.l3Columns.services")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {l2.l3s.map((l3) => (
          <Table.Tr
            key={l3.id}
            id={`l3-${l3.id}`}
            style={
              highlighted === `l3-${l3.id}` ? { background: "var(--mantine-color-yellow-1)" } : undefined
            }
          >
            <Table.Td>
              <Anchor component={Link} href={portfolioHref({ l1: l1.id, l2: l2.id, l3: l3.id })}>
                {l3.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{l3.definition}</Table.Td>
            <Table.Td>
              {l3.services.length === 0
                ? t("playbook.allServices")
                : l3.services.map((id) => index.service(id)?.name ?? id).join(", ")}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
