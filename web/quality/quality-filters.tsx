import { Group, NativeSelect } from "@mantine/core";
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
  return (
    <Group gap="sm" align="flex-end">
      <NativeSelect
        label="Rule"
        size="xs"
        w={280}
        value={filters.rule}
        data={ruleOptions.length > 0 ? ruleOptions : [{ value: filters.rule, label: "All rules" }]}
        onChange={(event) => onChange("rule", event.currentTarget.value)}
      />
      <NativeSelect
        label="Whose"
        size="xs"
        w={220}
        value={filters.owner}
        data={ownerOptions}
        onChange={(event) => onChange("owner", event.currentTarget.value)}
      />
      <NativeSelect
        label="Owning team"
        size="xs"
        w={200}
        value={filters.team}
        data={teamOptions}
        onChange={(event) => onChange("team", event.currentTarget.value)}
      />
    </Group>
  );
}
