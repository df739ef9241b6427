import { Button, Checkbox, Group, NativeSelect, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { serviceData, withAny } from "../playbook/select-data.ts";
import { DebouncedText } from "./debounced-text.tsx";
import { type FilterKey, type PortfolioFilters, withFilter } from "./portfolio-filters.ts";
import { SortFilters } from "./sort-filters.tsx";
import { TaxonomyFilters } from "./taxonomy-filters.tsx";
import { UsageFilters } from "./usage-filters.tsx";

export interface FilterBarProps {
  filters: PortfolioFilters;
  onChange: (next: PortfolioFilters) => void;
}

/** The portfolio's filters and sort, each change going to the URL. */
export function FilterBar({ filters, onChange }: FilterBarProps) {
  const { t } = useTranslation();
  const index = usePlaybook();
  const set = (key: FilterKey, value: string | null) => onChange(withFilter(filters, key, value));

  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <DebouncedText
        label={t("portfolio.filters.search")}
        placeholder={t("portfolio.filters.searchHint")}
        value={filters.q}
        w={200}
        onCommit={(value) => set("q", value)}
      />
      <TaxonomyFilters filters={filters} onChange={onChange} />
      <NativeSelect
        label={t("portfolio.filters.service")}
        size="xs"
        w={170}
        value={filters.serviceId ?? ""}
        data={withAny(serviceData(index), t("portfolio.filters.any"))}
        onChange={(event) => set("serviceId", event.currentTarget.value)}
      />
      <DebouncedText
        label={t("portfolio.filters.owner")}
        placeholder={t("portfolio.filters.ownerHint")}
        value={filters.owner}
        w={140}
        onCommit={(value) => set("owner", value)}
      />
      <NativeSelect
        label={t("portfolio.filters.stage")}
        size="xs"
        w={115}
        value={filters.stage ?? ""}
        data={withAny(
          [
            { value: "assignment", label: t("common.stage.assignment") },
            { value: "delivery", label: t("common.stage.delivery") },
          ],
          t("portfolio.filters.any"),
        )}
        onChange={(event) => set("stage", event.currentTarget.value)}
      />
      <DateAndFlagFilters filters={filters} set={set} />
      <UsageFilters filters={filters} onChange={onChange} />
      <SortFilters filters={filters} onChange={onChange} />
      <Button size="xs" variant="subtle" onClick={() => onChange({})}>
        {t("portfolio.clearFilters")}
      </Button>
    </Group>
  );
}

/** The target date range and the overdue and unresolved-owner switches. */
function DateAndFlagFilters({
  filters,
  set,
}: {
  filters: PortfolioFilters;
  set: (key: FilterKey, value: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t("portfolio.filters.targetFrom")}
        type="date"
        size="xs"
        w={135}
        value={filters.targetFrom ?? ""}
        onChange={(event) => set("targetFrom", event.currentTarget.value)}
      />
      <TextInput
        label={t("portfolio.filters.targetTo")}
        type="date"
        size="xs"
        w={135}
        value={filters.targetTo ?? ""}
        onChange={(event) => set("targetTo", event.currentTarget.value)}
      />
      <Checkbox
        label={t("portfolio.filters.overdue")}
        size="xs"
        mb={6}
        checked={filters.overdue === "true"}
        onChange={(event) => set("overdue", event.currentTarget.checked ? "true" : null)}
      />
      <Checkbox
        label={t("portfolio.filters.unresolved")}
        size="xs"
        mb={6}
        checked={filters.ownerUnresolved === "true"}
        onChange={(event) => set("ownerUnresolved", event.currentTarget.checked ? "true" : null)}
      />
    </>
  );
}
