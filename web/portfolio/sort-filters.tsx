import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FilterBarProps } from "./filter-bar.tsx";
import { defaultOrder, sortOptions } from "./portfolio-filters.ts";

/** The portfolio's sort column and order (each column has its natural default order). */
export function SortFilters({ filters, onChange }: FilterBarProps) {
  const { t } = useTranslation();
  return (
    <>
      <NativeSelect
        label={t("portfolio.filters.sortBy")}
        size="xs"
        w={140}
        value={filters.sort ?? "updated"}
        data={sortOptions.map((option) => ({
          value: option.value,
          label: t(`portfolio.filters.sort.${option.value}`),
        }))}
        onChange={(event) => onChange({ ...filters, sort: event.currentTarget.value })}
      />
      <NativeSelect
        label={t("portfolio.filters.order")}
        size="xs"
        w={110}
        value={filters.order ?? defaultOrder(filters.sort)}
        data={[
          { value: "asc", label: t("portfolio.filters.ascending") },
          { value: "desc", label: t("portfolio.filters.descending") },
        ]}
        onChange={(event) => onChange({ ...filters, order: event.currentTarget.value })}
      />
    </>
  );
}
