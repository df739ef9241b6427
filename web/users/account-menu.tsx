import { Button, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiRequest, setCsrfToken } from "../api/api-client.ts";
import { useMe } from "../api/queries.ts";
import { NotificationSettings } from "./notification-settings.tsx";
import { useAdoptBrowserTimeZone } from "./use-preferences.ts";

/** Who is signed in, in the header: their menu (Notifications) and sign-out. */
export function AccountMenu() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [settingsOpen, setSettingsOpen] = useState(false);
  useAdoptBrowserTimeZone(Boolean(me.data));
  const signOut = useMutation({
    mutationFn: () => apiRequest<null>("/auth/logout", { method: "POST" }),
    onSettled: () => {
      setCsrfToken(null);
      // Forget the signed-out user's data; /api/me then answers 401 and the sign-in form shows.
      void queryClient.resetQueries();
    },
  });
  if (!me.data) return null;
  return (
    <Group gap="sm" wrap="nowrap">
      <Menu position="bottom-end" shadow="md">
        <Menu.Target>
          <UnstyledButton aria-label={`${me.data.user.name}: account menu`}>
            <Text size="sm">
              {me.data.user.name}{" "}
              <Text span c="dimmed" size="xs">
                ({me.data.user.role.replaceAll("_", " ")}) ▾
              </Text>
            </Text>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{me.data.user.email}</Menu.Label>
          <Menu.Item onClick={() => setSettingsOpen(true)}>Notifications…</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {settingsOpen ? <NotificationSettings onClose={() => setSettingsOpen(false)} /> : null}
      <Button size="xs" variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
        Sign out
      </Button>
    </Group>
  );
}
