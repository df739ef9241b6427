import { Badge, Stack, Table, Text } from "@mantine/core";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { ScenarioField, ScenarioRow } from "../../src/domain/playbook/playbook-schema.ts";
import { effectiveRule } from "../../src/domain/rules/scenario-fields.ts";

/** The playbook's twelve columns, in its order, with the cells as printed. */
const columns: Array<{ title: string; field?: ScenarioField }> = [
  { title: "Scenario" },
  { title: "Who Updates FTOP" },
  { title: "L1 Value" },
  { title: "L2 Value", field: "l2" },
  { title: "L3 Value", field: "l3" },
  { title: "Service Status", field: "serviceStatus" },
  { title: "Service Engagement Scenario", field: "engagementScenario" },
  { title: "Target Date", field: "targetDate" },
  { title: "Owner", field: "owner" },
  { title: "Notes", field: "note" },
  { title: "Next Action Date", field: "nextActionDate" },
  { title: "Next Action to be taken", field: "nextAction" },
];

const ruleNames = { required: "required", optional: "optional", forbidden: "N/A", carry: "kept" } as const;
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
                {column.title}
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
                    derived, not printed
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
                      <Text size="xs">{spec.cell || "(blank)"}</Text>
                      <Badge size="xs" variant="light" color={ruleColors[rule]}>
                        {ruleNames[rule]}
                        {spec.default
                          ? ` · default ${spec.default === "@l2" ? "from the L2" : spec.default}`
                          : ""}
                      </Badge>
                      {spec.label ? (
                        <Text size="xs" c="dimmed">
                          shown as “{spec.label}”
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
