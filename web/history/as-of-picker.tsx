import { Alert, Button, Group, Text, TextInput } from "@mantine/core";
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
        label="As of (end of day, UTC)"
        value={value ?? ""}
        max={todayUtc()}
        onChange={(event) => onChange(event.currentTarget.value || null)}
      />
      {value ? (
        <Button size="xs" variant="subtle" onClick={() => onChange(null)}>
          Today
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
      title={`As of the end of ${formatDate(day)} (UTC)`}
      aria-label="As of a past day"
    >
      <Group justify="space-between" align="flex-end" gap="xs">
        <Text size="sm">
          {what} as it stood at the end of {formatDate(day)} in UTC, rebuilt from the status history. Names
          and usage are today's.
        </Text>
        <Button size="xs" variant="light" onClick={onToday}>
          Back to today
        </Button>
      </Group>
    </Alert>
  );
}
