import { Button, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../api/api-types.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { useCan } from "../users/permissions.ts";
import { ReassignDialog } from "./reassign-dialog.tsx";
import { usePeople } from "./use-reassign.ts";

/** Admins and Team Leads: the people of Unblock, and moving one person's work to another. */
export function PeoplePage() {
  const { t } = useTranslation();
  const people = usePeople();
  const can = useCan();
  const index = usePlaybook();
  const [from, setFrom] = useState<User | null>(null);
  const items = people.data?.items ?? [];
  return (
    <Stack gap="lg" maw={1000}>
      <Stack gap={4}>
        <Title order={2}>{t("people.title")}</Title>
        <Text size="sm" c="dimmed">
          {t("people.intro")} <code>unblock users reassign</code>.
        </Text>
      </Stack>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("people.columns.name")}</Table.Th>
            <Table.Th>{t("people.columns.email")}</Table.Th>
            <Table.Th>{t("people.columns.role")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((person) => (
            <Table.Tr key={person.id}>
              <Table.Td>{person.name}</Table.Td>
              <Table.Td>{person.email}</Table.Td>
              <Table.Td>{index.role(person.role)?.name ?? person.role}</Table.Td>
              <Table.Td>
                {can("assignments.reassign") ? (
                  <Button size="xs" variant="light" onClick={() => setFrom(person)}>
                    {t("people.reassign")}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {from ? <ReassignDialog from={from} people={items} onClose={() => setFrom(null)} /> : null}
    </Stack>
  );
}
