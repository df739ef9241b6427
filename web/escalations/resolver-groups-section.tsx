import { ActionIcon, Alert, Badge, Button, Card, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ResolverGroup } from "../../src/http/schemas/escalations.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { useResolverGroups, useResolverMembers } from "./escalation-api.ts";

/** Admins: who belongs to each resolver group the playbook names (the same as `unblock resolvers`). */
export function ResolverGroupsSection() {
  const { t } = useTranslation();
  const groups = useResolverGroups();
  if (groups.isError) {
    return (
      <Alert color="red" title={t("escalations.groups.loadFailed")}>
        {groups.error.message}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t("escalations.groups.intro")}
      </Text>
      {(groups.data?.items ?? []).map((group) => (
        <GroupCard key={group.name} group={group} />
      ))}
    </Stack>
  );
}

function GroupCard({ group }: { group: ResolverGroup }) {
  const { t } = useTranslation();
  const { add, remove } = useResolverMembers();
  const index = usePlaybook();
  const [email, setEmail] = useState("");
  const error = add.error ?? remove.error;
  return (
    <Card withBorder padding="sm" component="section" aria-label={group.name}>
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={700}>
            {group.name}{" "}
            {group.inPlaybook ? null : <Badge color="gray">{t("escalations.groups.notInPlaybook")}</Badge>}
          </Text>
          <Text size="xs" c="dimmed">
            {group.l2s.map((l2) => index.l2(l2.l1, l2.l2)?.name ?? l2.name).join(", ")}
          </Text>
        </Group>
        {group.members.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("escalations.groups.nobody")}
          </Text>
        ) : (
          <Group gap="xs">
            {group.members.map((member) => (
              <Badge
                key={member.id}
                variant="light"
                rightSection={
                  <ActionIcon
                    size="xs"
                    variant="transparent"
                    aria-label={t("escalations.groups.remove", { name: member.name, group: group.name })}
                    onClick={() => remove.mutate({ group: group.name, user: member.id })}
                  >
                    ×
                  </ActionIcon>
                }
              >
                {member.name}
                {member.disabled ? t("escalations.groups.disabled") : ""}
              </Badge>
            ))}
          </Group>
        )}
        <Group gap="xs" align="flex-end">
          <TextInput
            label={t("escalations.groups.addTo", { group: group.name })}
            placeholder="email@example.com"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            size="xs"
            w={280}
          />
          <Button
            size="xs"
            disabled={email.trim() === ""}
            loading={add.isPending}
            onClick={() =>
              add.mutate({ group: group.name, user: email.trim() }, { onSuccess: () => setEmail("") })
            }
          >
            {t("escalations.groups.add")}
          </Button>
        </Group>
        {error ? (
          <Alert color="red" variant="light">
            {error.message}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
