import { Button, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiRequest, setCsrfToken } from "../api/api-client.ts";
import { useMe } from "../api/queries.ts";
import { LanguageSettings } from "./language-settings.tsx";
import { NotificationSettings } from "./notification-settings.tsx";
import { useAppLanguage } from "./use-app-language.ts";
import { useAdoptBrowserTimeZone } from "./use-preferences.ts";

/** Who is signed in, in the header: their menu (Notifications) and sign-out. */
export function AccountMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [languageOpen, setLanguageOpen] = useState(false);
  useAdoptBrowserTimeZone(Boolean(me.data));
  useAppLanguage(Boolean(me.data));
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
          <UnstyledButton aria-label={t("users.menu.label", { name: me.data.user.name })}>
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
          <Menu.Item onClick={() => setSettingsOpen(true)}>{t("users.menu.notifications")}</Menu.Item>
          <Menu.Item onClick={() => setLanguageOpen(true)}>{t("users.menu.language")}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {settingsOpen ? <NotificationSettings onClose={() => setSettingsOpen(false)} /> : null}
      {languageOpen ? <LanguageSettings onClose={() => setLanguageOpen(false)} /> : null}
      <Button size="xs" variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
        {t("users.menu.signOut")}
      </Button>
    </Group>
  );
}
