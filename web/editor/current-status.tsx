import { Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { EntitlementView } from "../api/api-types.ts";
import { useMe } from "../api/queries.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { SeatBar } from "../tenant/seat-bar.tsx";

/** The status the edit is based on, and who is editing. */
export function CurrentStatus({ base }: { base: EntitlementView }) {
  const { t } = useTranslation();
  const index = usePlaybook();
  const me = useMe();
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} style={{ flex: 1 }}>
          <Text size="sm" fw={600}>
            {t("editor.current.title", { version: base.version, stage: t(`common.stage.${base.stage}`) })}
          </Text>
          <SeatBar index={index} segments={base.segments} availableSeats={base.availableSeats} />
        </Stack>
        <Text size="xs" c="dimmed" maw={260}>
          {me.data
            ? t("editor.current.actingAs", {
                name: me.data.user.name,
                role: index.role(me.data.user.role)?.name ?? me.data.user.role,
              })
            : "…"}
        </Text>
      </Group>
    </Paper>
  );
}
