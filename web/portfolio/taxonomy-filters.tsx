import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { l1Data, l1OfL2, l2Data, l3Data, withAny } from "../playbook/select-data.ts";
import type { FilterBarProps } from "./filter-bar.tsx";
import { type FilterKey, withFilter } from "./portfolio-filters.ts";

/** L1, L2 and L3 filters; each list narrows to what the level above allows. */
export function TaxonomyFilters({ filters, onChange }: FilterBarProps) {
  const { t } = useTranslation();
  const index = usePlaybook();
  const any = t("portfolio.filters.any");
  const set = (key: FilterKey, value: string | null) => onChange(withFilter(filters, key, value));
  const l3Choices = filters.l1 && filters.l2 ? l3Data(index, filters.l1, filters.l2, filters.serviceId) : [];
  return (
    <>
      <NativeSelect
        label={t("portfolio.filters.l1")}
        size="xs"
        w={150}
        value={filters.l1 ?? ""}
        data={withAny(l1Data(index), any)}
        onChange={(event) => set("l1", event.currentTarget.value)}
      />
      <NativeSelect
        label={t("portfolio.filters.l2")}
        size="xs"
        w={210}
        value={filters.l2 ?? ""}
        data={withAny(l2Data(index, filters.l1), any)}
        onChange={(event) => {
          const l2 = event.currentTarget.value;
          // Picking an L2 first also picks its L1, so the L3 list can follow.
          const l1 = l2 ? (filters.l1 ?? l1OfL2(index, l2)) : filters.l1;
          onChange(withFilter({ ...filters, l1 }, "l2", l2));
        }}
      />
      <NativeSelect
        label={t("portfolio.filters.l3")}
        size="xs"
        w={190}
        value={filters.l3 ?? ""}
        disabled={l3Choices.length === 0}
        data={withAny(l3Choices, any)}
        onChange={(event) => set("l3", event.currentTarget.value)}
      />
    </>
  );
}
