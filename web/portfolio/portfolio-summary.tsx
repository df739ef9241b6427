import { Button, Group, Text } from "@mantine/core";
import type { EntitlementCount } from "../api/api-types.ts";
import { formatCount, plural } from "../shared/format.ts";

export interface PortfolioSummaryProps {
  loading: boolean;
  /** How many match the filters in all, once counted. */
  total: EntitlementCount | null;
  loaded: number;
  hasMore: boolean;
  selectedCount: number;
  onClearSelection: () => void;
}

/** How many rows match, are loaded and are selected, with the button that clears the selection. */
export function PortfolioSummary({
  loading,
  total,
  loaded,
  hasMore,
  selectedCount,
  onClearSelection,
}: PortfolioSummaryProps) {
  return (
    <Group gap="md" mih={20}>
      <Text size="sm" fw={600} aria-live="polite" data-testid="portfolio-total">
        {total === null
          ? "Counting…"
          : total.exact
            ? plural(total.count, "entitlement")
            : `More than ${formatCount(total.count)} entitlements`}
      </Text>
      <Text size="sm" c="dimmed" aria-live="polite">
        {loading ? "Loading…" : `${formatCount(loaded)} loaded${hasMore ? "; more load as you scroll" : ""}`}
      </Text>
      {selectedCount > 0 ? (
        <Group gap={6}>
          <Text size="sm">{plural(selectedCount, "row")} selected</Text>
          <Button size="compact-xs" variant="subtle" onClick={onClearSelection}>
            Clear selection
          </Button>
        </Group>
      ) : null}
    </Group>
  );
}
