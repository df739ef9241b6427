import { Alert, Button, Group, Text, TextInput } from "@mantine/core";
import { i18n } from "../i18n/i18n.ts";
import { formatDate, todayUtc } from "../shared/format.ts";

/**
 * "As of" a past day: the page shows the portfolio as it stood at the end of
 * that day in UTC, rebuilt from the status history (docs/HISTORY.md). Empty
 * is today. A native date field: typed or picked, it gives YYYY-MM-DD.
 */
export function AsOfPicker({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (day: string | null) => void;
}) {
  return (
    <Group gap={4} align="flex-end" wrap="nowrap">
      <TextInput
        type="date"
        size="xs"
        w={150}
        label={i18n.t("history.asOf.label")}
        value={value ?? ""}
        max={todayUtc()}
        onChange={(event) => onChange(event.currentTarget.value || null)}
      />
      {value ? (
        <Button size="xs" variant="subtle" onClick={() => onChange(null)}>
          {i18n.t("history.asOf.today")}
        </Button>
      ) : null}
    </Group>
  );
}

/** Says what an as-of page shows and what it does not, with the way back to today. */
export function AsOfNotice({ day, what, onToday }: { day: string; what: string; onToday: () => void }) {
  return (
    <Alert
      color="blue"
      variant="light"
      title={i18n.t("history.asOf.title", { date: formatDate(day) })}
      aria-label={i18n.t("history.asOf.region")}
    >
      <Group justify="space-between" align="flex-end" gap="xs">
        <Text size="sm">{i18n.t("history.asOf.body", { what, date: formatDate(day) })}</Text>
        <Button size="xs" variant="light" onClick={onToday}>
          {i18n.t("history.asOf.back")}
        </Button>
      </Group>
    </Alert>
  );
}
