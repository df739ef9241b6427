import { Alert, Modal, SegmentedControl, Select, Stack, Switch, Text } from "@mantine/core";
import { useMemo } from "react";
import { ApiError } from "../api/api-client.ts";
import type { Preferences } from "../api/api-types.ts";
import { browserTimeZone, usePreferences } from "./use-preferences.ts";

const frequencies = [
  { value: "daily", label: "Daily" },
  { value: "weekly", label: "Weekly (Mondays)" },
  { value: "off", label: "Off" },
];

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
  const { preferences, change } = usePreferences();
  const zones = useMemo(() => zoneChoices(preferences?.timeZone), [preferences?.timeZone]);
  const save = (body: Partial<Preferences>) => change.mutate(body);
  const browser = browserTimeZone();
  return (
    <Modal opened onClose={onClose} title="Notifications">
      {preferences ? (
        <Stack gap="md">
          <Select
            label="Time zone"
            description={`The digest comes at 07:00 on this clock; My work's "today" is this calendar's.${
              browser && browser !== preferences.timeZone ? ` This browser is in ${browser}.` : ""
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
              Digest by mail
            </Text>
            <Text size="xs" c="dimmed">
              Your overdue next actions, those due this week and Blocked statuses past their target date.
              Nothing is sent on a day with nothing to say.
            </Text>
            <SegmentedControl
              data={frequencies}
              value={preferences.digest}
              onChange={(digest) => save({ digest: digest as Preferences["digest"] })}
              aria-label="Digest by mail"
            />
          </Stack>
          <Switch
            label="Immediate notices by mail"
            description="The inbox (the bell) has them either way."
            checked={preferences.noticeMail}
            onChange={(event) => save({ noticeMail: event.currentTarget.checked })}
          />
          {change.error && !errorFor(change.error, "timeZone") ? (
            <Alert color="red">{change.error.message}</Alert>
          ) : null}
        </Stack>
      ) : (
        <Text size="sm">Loading…</Text>
      )}
    </Modal>
  );
}
