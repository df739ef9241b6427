import { Button, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { User } from "../api/api-types.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { useCan } from "../users/permissions.ts";
import { ReassignDialog } from "./reassign-dialog.tsx";
import { usePeople } from "./use-reassign.ts";

/** Admins and Team Leads: the people of Unblock, and moving one person's work to another. */
export function PeoplePage() {
  const people = usePeople();
  const can = useCan();
  const index = usePlaybook();
  const [from, setFrom] = useState<User | null>(null);
  const items = people.data?.items ?? [];
  return (
    <Stack gap="lg" maw={1000}>
      <Stack gap={4}>
        <Title order={2}>People</Title>
        <Text size="sm" c="dimmed">
          When someone leaves the team, move their customers and tenants, and the statuses they own there, to
          another person of the same role. The same runs as <code>unblock users reassign</code>.
        </Text>
      </Stack>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
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
                    Reassign…
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
