import { Alert, Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PortfolioFilters } from "./portfolio-filters.ts";

/**
 * Says the list is narrowed to segments so many days in their L1 (the
 * dashboards' aging bars open it so), which no filter control shows, and
 * offers to drop it.
 */
export function DaysInL1Notice({
  filters,
  onChange,
}: {
  filters: PortfolioFilters;
  onChange: (next: PortfolioFilters) => void;
}) {
  const { t } = useTranslation();
  const { l1DaysMin: min, l1DaysMax: max, ...rest } = filters;
  if (!min && !max) return null;
  const text = max
    ? t("portfolio.daysInL1.between", { min: min ?? "0", max })
    : t("portfolio.daysInL1.atLeast", { min });
  return (
    <Alert color="blue" variant="light" p="xs" role="status">
      <Group justify="space-between" gap="xs">
        <Text size="sm">{text}</Text>
        <Button size="xs" variant="default" onClick={() => onChange(rest)}>
          {t("portfolio.daysInL1.clear")}
        </Button>
      </Group>
    </Alert>
  );
}

/** Says the list is my portfolio only (the dashboards open it so when scoped to it), and offers all. */
export function MineNotice({
  filters,
  onChange,
}: {
  filters: PortfolioFilters;
  onChange: (next: PortfolioFilters) => void;
}) {
  const { t } = useTranslation();
  const { mine, ...rest } = filters;
  if (mine !== "true") return null;
  return (
    <Alert color="blue" variant="light" p="xs" role="status">
      <Group justify="space-between" gap="xs">
        <Text size="sm">{t("portfolio.mine.only")}</Text>
        <Button size="xs" variant="default" onClick={() => onChange(rest)}>
          {t("portfolio.mine.clear")}
        </Button>
      </Group>
    </Alert>
  );
}
