import { Checkbox, NativeSelect } from "@mantine/core";
import { DebouncedText } from "./debounced-text.tsx";
import type { FilterBarProps } from "./filter-bar.tsx";
import { type FilterKey, withFilter } from "./portfolio-filters.ts";

const contradictionOptions = [
  { value: "", label: "Any or none" },
  { value: "any", label: "Any contradiction" },
  { value: "active_while_halted", label: "Used while No Intent or Blocked" },
  { value: "idle_in_progress", label: "In Progress, no use for 90 days" },
  { value: "growing_while_unknown", label: "Unknown while use grows" },
];

const endedOptions = [
  { value: "", label: "Open only" },
  { value: "include", label: "Open and ended" },
  { value: "only", label: "Ended only" },
];

/** Filters on usage (share of available seats, contradictions) and on what the feed ended or left to re-split. */
export function UsageFilters({ filters, onChange }: FilterBarProps) {
  const set = (key: FilterKey, value: string | null) => onChange(withFilter(filters, key, value));
  return (
    <>
      <DebouncedText
        label="Usage from %"
        placeholder="0"
        value={filters.usageShareMin}
        w={95}
        onCommit={(value) => set("usageShareMin", value)}
      />
      <DebouncedText
        label="Usage to %"
        placeholder="100"
        value={filters.usageShareMax}
        w={95}
        onCommit={(value) => set("usageShareMax", value)}
      />
      <NativeSelect
        label="Contradicts usage"
        size="xs"
        w={190}
        value={filters.contradiction ?? ""}
        data={contradictionOptions}
        onChange={(event) => set("contradiction", event.currentTarget.value)}
      />
      <NativeSelect
        label="Ended"
        size="xs"
        w={130}
        value={filters.ended ?? ""}
        data={endedOptions}
        onChange={(event) => set("ended", event.currentTarget.value)}
      />
      <Checkbox
        label="Re-split needed"
        size="xs"
        mb={6}
        checked={filters.resplitNeeded === "true"}
        onChange={(event) => set("resplitNeeded", event.currentTarget.checked ? "true" : null)}
      />
    </>
  );
}
