import { Alert, Modal, SegmentedControl, Select, Stack, Switch, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-client.ts";
import type { Preferences } from "../api/api-types.ts";
import { browserTimeZone, usePreferences } from "./use-preferences.ts";

const frequencies = ["daily", "weekly", "off"] as const;

/** Every IANA zone the browser knows, with the person's own and UTC always among them. */
function zoneChoices(current: string | undefined): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", ...known, ...(current ? [current] : [])])].sort();
}

/** What a refused change says about `field`, when the API named it. */
function errorFor(error: Error | null, field: string): string | null {
  if (!(error instanceof ApiError)) return null;
  return error.errors.find((found) => found.field === field)?.message ?? null;
}

/** The user menu's Notifications: time zone, digest frequency, notices by mail. Each change saves at once. */
export function NotificationSettings({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { preferences, change } = usePreferences();
  const zones = useMemo(() => zoneChoices(preferences?.timeZone), [preferences?.timeZone]);
  const save = (body: Partial<Preferences>) => change.mutate(body);
  const browser = browserTimeZone();
  return (
    <Modal opened onClose={onClose} title={t("users.notifications.title")}>
      {preferences ? (
        <Stack gap="md">
          <Select
            label={t("users.notifications.timeZone")}
            description={`${t("users.notifications.timeZoneHelp")}${
              browser && browser !== preferences.timeZone
                ? t("users.notifications.browserZone", { zone: browser })
                : ""
            }`}
            data={zones}
            value={preferences.timeZone}
            onChange={(zone) => zone && save({ timeZone: zone })}
            searchable
            allowDeselect={false}
            error={errorFor(change.error, "timeZone")}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t("users.notifications.digest")}
            </Text>
            <Text size="xs" c="dimmed">
              {t("users.notifications.digestHelp")}
            </Text>
            <SegmentedControl
              data={frequencies.map((value) => ({ value, label: t(`users.notifications.${value}`) }))}
              value={preferences.digest}
              onChange={(digest) => save({ digest: digest as Preferences["digest"] })}
              aria-label={t("users.notifications.digest")}
            />
          </Stack>
          <Switch
            label={t("users.notifications.noticeMail")}
            description={t("users.notifications.noticeMailHelp")}
            checked={preferences.noticeMail}
            onChange={(event) => save({ noticeMail: event.currentTarget.checked })}
          />
          {change.error && !errorFor(change.error, "timeZone") ? (
            <Alert color="red">{change.error.message}</Alert>
          ) : null}
        </Stack>
      ) : (
        <Text size="sm">{t("common.loading")}</Text>
      )}
    </Modal>
  );
}
