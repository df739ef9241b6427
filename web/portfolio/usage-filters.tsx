import { Checkbox, NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DebouncedText } from "./debounced-text.tsx";
import type { FilterBarProps } from "./filter-bar.tsx";
import { type FilterKey, withFilter } from "./portfolio-filters.ts";

const contradictions = ["any", "active_while_halted", "idle_in_progress", "growing_while_unknown"] as const;

/** Filters on usage (share of available seats, contradictions) and on what the feed ended or left to re-split. */
export function UsageFilters({ filters, onChange }: FilterBarProps) {
  const { t } = useTranslation();
  const contradictionOptions = [
    { value: "", label: t("portfolio.filters.contradiction.none") },
    ...contradictions.map((value) => ({ value, label: t(`portfolio.filters.contradiction.${value}`) })),
  ];
  const endedOptions = [
    { value: "", label: t("portfolio.filters.endedChoice.open") },
    { value: "include", label: t("portfolio.filters.endedChoice.include") },
    { value: "only", label: t("portfolio.filters.endedChoice.only") },
  ];
  const set = (key: FilterKey, value: string | null) => onChange(withFilter(filters, key, value));
  return (
    <>
      <DebouncedText
        label={t("portfolio.filters.usageFrom")}
        placeholder="0"
        value={filters.usageShareMin}
        w={95}
        onCommit={(value) => set("usageShareMin", value)}
      />
      <DebouncedText
        label={t("portfolio.filters.usageTo")}
        placeholder="100"
        value={filters.usageShareMax}
        w={95}
        onCommit={(value) => set("usageShareMax", value)}
      />
      <NativeSelect
        label={t("portfolio.filters.contradicts")}
        size="xs"
        w={190}
        value={filters.contradiction ?? ""}
        data={contradictionOptions}
        onChange={(event) => set("contradiction", event.currentTarget.value)}
      />
      <NativeSelect
        label={t("portfolio.filters.ended")}
        size="xs"
        w={130}
        value={filters.ended ?? ""}
        data={endedOptions}
        onChange={(event) => set("ended", event.currentTarget.value)}
      />
      <Checkbox
        label={t("portfolio.filters.resplit")}
        size="xs"
        mb={6}
        checked={filters.resplitNeeded === "true"}
        onChange={(event) => set("resplitNeeded", event.currentTarget.checked ? "true" : null)}
      />
    </>
  );
}
