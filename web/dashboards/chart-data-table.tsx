import { Anchor, Table } from "@mantine/core";
import type { ReactNode } from "react";
import { i18n } from "../i18n/i18n.ts";
import { Link } from "../router/link.tsx";

export interface DataRow {
  key: string;
  cells: ReactNode[];
  href: string;
}

/**
 * A chart's numbers as a table behind a disclosure: for keyboard and screen
 * reader users, and for anyone who wants the exact figures.
 */
export function ChartDataTable({
  title,
  columns,
  rows,
  linkable,
}: {
  title: string;
  columns: string[];
  rows: DataRow[];
  /** Whether rows link to the portfolio. */
  linkable: boolean;
}) {
  return (
    <details style={{ marginTop: 8 }}>
      <summary style={{ cursor: "pointer", fontSize: "var(--mantine-font-size-sm)" }}>
        {i18n.t("dashboards.card.numbers")}
      </summary>
      <Table fz="xs" striped mt={4} aria-label={i18n.t("dashboards.card.data", { title })}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column}>{column}</Table.Th>
            ))}
            {linkable ? <Table.Th>{i18n.t("dashboards.card.portfolio")}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              {row.cells.map((cell, at) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns
                <Table.Td key={at}>{cell}</Table.Td>
              ))}
              {linkable ? (
                <Table.Td>
                  <Anchor component={Link} href={row.href} size="xs">
                    {i18n.t("dashboards.card.open")}
                  </Anchor>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </details>
  );
}
