import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { EntitlementCount } from "../api/api-types.ts";

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
  const { t } = useTranslation();
  return (
    <Group gap="md" mih={20}>
      <Text size="sm" fw={600} aria-live="polite" data-testid="portfolio-total">
        {total === null
          ? t("portfolio.summary.counting")
          : total.exact
            ? t("portfolio.summary.total", { count: total.count })
            : t("portfolio.summary.moreThan", { count: total.count })}
      </Text>
      <Text size="sm" c="dimmed" aria-live="polite">
        {loading
          ? t("common.loading")
          : t(hasMore ? "portfolio.summary.loadedMore" : "portfolio.summary.loaded", { count: loaded })}
      </Text>
      {selectedCount > 0 ? (
        <Group gap={6}>
          <Text size="sm">{t("portfolio.summary.selected", { count: selectedCount })}</Text>
          <Button size="compact-xs" variant="subtle" onClick={onClearSelection}>
            {t("portfolio.summary.clearSelection")}
          </Button>
        </Group>
      ) : null}
    </Group>
  );
}
