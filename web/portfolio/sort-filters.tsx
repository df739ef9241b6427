import { NativeSelect } from "@mantine/core";
import type { FilterBarProps } from "./filter-bar.tsx";
import { defaultOrder, sortOptions } from "./portfolio-filters.ts";

/** The portfolio's sort column and order (each column has its natural default order). */
export function SortFilters({ filters, onChange }: FilterBarProps) {
  return (
    <>
      <NativeSelect
        label="Sort by"
        size="xs"
        w={140}
        value={filters.sort ?? "updated"}
        data={sortOptions.map((option) => ({ value: option.value, label: option.label }))}
        onChange={(event) => onChange({ ...filters, sort: event.currentTarget.value })}
      />
      <NativeSelect
        label="Order"
        size="xs"
        w={110}
        value={filters.order ?? defaultOrder(filters.sort)}
        data={[
          { value: "asc", label: "Ascending" },
          { value: "desc", label: "Descending" },
        ]}
        onChange={(event) => onChange({ ...filters, order: event.currentTarget.value })}
      />
    </>
  );
}
