import { Button, Group, Text } from "@mantine/core";
import { plural } from "../shared/format.ts";

export interface PortfolioSummaryProps {
  loading: boolean;
  loaded: number;
  hasMore: boolean;
  selectedCount: number;
  onClearSelection: () => void;
}

/** How many rows are loaded and selected, with the button that clears the selection. */
export function PortfolioSummary({
  loading,
  loaded,
  hasMore,
  selectedCount,
  onClearSelection,
}: PortfolioSummaryProps) {
  return (
    <Group gap="md" mih={20}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {loading
          ? "Loading…"
          : `${plural(loaded, "entitlement")} loaded${hasMore ? "; more load as you scroll" : ""}`}
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
