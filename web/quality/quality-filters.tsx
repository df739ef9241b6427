import { Group, NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Option, QualityFilters } from "./use-quality-page.ts";

/** The queue's filters: rule (with counts), whose items, and the owning team. */
export function QualityFilterBar({
  filters,
  ruleOptions,
  ownerOptions,
  teamOptions,
  onChange,
}: {
  filters: QualityFilters;
  ruleOptions: Option[];
  ownerOptions: Option[];
  teamOptions: Option[];
  onChange: (key: keyof QualityFilters, value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-end">
      <NativeSelect
        label={t("quality.filters.rule")}
        size="xs"
        w={280}
        value={filters.rule}
        data={
          ruleOptions.length > 0
            ? ruleOptions
            : [{ value: filters.rule, label: t("quality.filters.allRules") }]
        }
        onChange={(event) => onChange("rule", event.currentTarget.value)}
      />
      <NativeSelect
        label={t("quality.filters.whose")}
        size="xs"
        w={220}
        value={filters.owner}
        data={ownerOptions}
        onChange={(event) => onChange("owner", event.currentTarget.value)}
      />
      <NativeSelect
        label={t("quality.filters.team")}
        size="xs"
        w={200}
        value={filters.team}
        data={teamOptions}
        onChange={(event) => onChange("team", event.currentTarget.value)}
      />
    </Group>
  );
}
