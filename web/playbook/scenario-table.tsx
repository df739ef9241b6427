import { Badge, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { ScenarioField, ScenarioRow } from "../../src/domain/playbook/playbook-schema.ts";
import { effectiveRule } from "../../src/domain/rules/scenario-fields.ts";

/** The playbook's twelve columns, in its order (titles are playbook.table.<title> of web/i18n). */
const columns: Array<{ title: "scenario" | "who" | "l1" | ScenarioField; field?: ScenarioField }> = [
  { title: "scenario" },
  { title: "who" },
  { title: "l1" },
  { title: "l2", field: "l2" },
  { title: "l3", field: "l3" },
  { title: "serviceStatus", field: "serviceStatus" },
  { title: "engagementScenario", field: "engagementScenario" },
  { title: "targetDate", field: "targetDate" },
  { title: "owner", field: "owner" },
  { title: "note", field: "note" },
  { title: "nextActionDate", field: "nextActionDate" },
  { title: "nextAction", field: "nextAction" },
];

const ruleColors = { required: "red", optional: "gray", forbidden: "dark", carry: "blue" } as const;

/** A scenario table as the playbook prints it, with the rule Unblock enforces under each cell. */
export function ScenarioTable({
  index,
  rows,
  caption,
}: {
  index: PlaybookIndex;
  rows: ScenarioRow[];
  caption: string;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    // The table scrolls sideways: its scroll area is a tab stop, so a keyboard can scroll it (WCAG 2.1.1).
    <Table.ScrollContainer
      minWidth={1200}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: "region", "aria-label": caption } }}
    >
      <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={4} captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.title} scope="col">
                {t(`playbook.table.${column.title}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row" style={{ fontWeight: 400, minWidth: 200 }}>
                <Text size="xs" fw={700}>
                  {row.title}
                </Text>
                <Text size="xs">{row.description}</Text>
                {row.printed ? null : (
                  <Badge size="xs" variant="outline" color="gray" mt={2}>
                    {t("playbook.table.derived")}
                  </Badge>
                )}
              </Table.Th>
              <Table.Td>{row.updatedBy.map((id) => index.role(id)?.name ?? id).join(", ")}</Table.Td>
              <Table.Td>{index.l1(row.l1)?.name ?? row.l1}</Table.Td>
              {columns.slice(3).map((column) => {
                const field = column.field!;
                const rule = effectiveRule(index, row, field);
                const spec = row.fields[field];
                return (
                  <Table.Td key={column.title}>
                    <Stack gap={2}>
                      <Text size="xs">{spec.cell || t("playbook.table.blank")}</Text>
                      <Badge size="xs" variant="light" color={ruleColors[rule]}>
                        {t(`playbook.table.rules.${rule}`)}
                        {spec.default
                          ? spec.default === "@l2"
                            ? t("playbook.table.defaultFromL2")
                            : t("playbook.table.defaultValue", { value: spec.default })
                          : ""}
                      </Badge>
                      {spec.label ? (
                        <Text size="xs" c="dimmed">
                          {t("playbook.table.shownAs", { label: spec.label })}
                        </Text>
                      ) : null}
                    </Stack>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
