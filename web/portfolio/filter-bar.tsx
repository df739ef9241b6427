import { Button, Checkbox, Group, NativeSelect, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { l1Data, l1OfL2, l2Data, l3Data, serviceData, withAny } from "../playbook/select-data.ts";
import {
  defaultOrder,
  type FilterKey,
  type PortfolioFilters,
  sortOptions,
  withFilter,
} from "./portfolio-filters.ts";

export interface FilterBarProps {
  filters: PortfolioFilters;
  onChange: (next: PortfolioFilters) => void;
}

export function FilterBar({ filters, onChange }: FilterBarProps) {
  const index = usePlaybook();
  const set = (key: FilterKey, value: string | null) => onChange(withFilter(filters, key, value));
  const l3Choices = filters.l1 && filters.l2 ? l3Data(index, filters.l1, filters.l2, filters.serviceId) : [];

  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <DebouncedText
        label="Search"
        placeholder="Customer, tenant, note"
        value={filters.q}
        w={200}
        onCommit={(value) => set("q", value)}
      />
      <NativeSelect
        label="L1 status"
        size="xs"
        w={150}
        value={filters.l1 ?? ""}
        data={withAny(l1Data(index))}
        onChange={(event) => set("l1", event.currentTarget.value)}
      />
      <NativeSelect
        label="L2 reason"
        size="xs"
        w={210}
        value={filters.l2 ?? ""}
        data={withAny(l2Data(index, filters.l1))}
        onChange={(event) => {
          const l2 = event.currentTarget.value;
          // Picking an L2 first also picks its L1, so the L3 list can follow.
          const l1 = l2 ? (filters.l1 ?? l1OfL2(index, l2)) : filters.l1;
          onChange(withFilter({ ...filters, l1 }, "l2", l2));
        }}
      />
      <NativeSelect
        label="L3 reason"
        size="xs"
        w={190}
        value={filters.l3 ?? ""}
        disabled={l3Choices.length === 0}
        data={withAny(l3Choices)}
        onChange={(event) => set("l3", event.currentTarget.value)}
      />
      <NativeSelect
        label="Service"
        size="xs"
        w={170}
        value={filters.serviceId ?? ""}
        data={withAny(serviceData(index))}
        onChange={(event) => set("serviceId", event.currentTarget.value)}
      />
      <DebouncedText
        label="Owner"
        placeholder="e.g. Account Team"
        value={filters.owner}
        w={140}
        onCommit={(value) => set("owner", value)}
      />
      <NativeSelect
        label="Stage"
        size="xs"
        w={115}
        value={filters.stage ?? ""}
        data={withAny([
          { value: "assignment", label: "Assignment" },
          { value: "delivery", label: "Delivery" },
        ])}
        onChange={(event) => set("stage", event.currentTarget.value)}
      />
      <TextInput
        label="Target from"
        type="date"
        size="xs"
        w={135}
        value={filters.targetFrom ?? ""}
        onChange={(event) => set("targetFrom", event.currentTarget.value)}
      />
      <TextInput
        label="Target to"
        type="date"
        size="xs"
        w={135}
        value={filters.targetTo ?? ""}
        onChange={(event) => set("targetTo", event.currentTarget.value)}
      />
      <Checkbox
        label="Overdue only"
        size="xs"
        mb={6}
        checked={filters.overdue === "true"}
        onChange={(event) => set("overdue", event.currentTarget.checked ? "true" : null)}
      />
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
      <Button size="xs" variant="subtle" onClick={() => onChange({})}>
        Clear filters
      </Button>
    </Group>
  );
}

/** A text filter that updates the URL once typing pauses, not on every key. */
function DebouncedText({
  label,
  placeholder,
  value,
  w,
  onCommit,
}: {
  label: string;
  placeholder: string;
  value: string | undefined;
  w: number;
  onCommit: (value: string) => void;
}) {
  const [text, setText] = useState(value ?? "");
  useEffect(() => setText(value ?? ""), [value]);
  const commit = useDebouncedCallback((next: string) => onCommit(next.trim()), 300);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      size="xs"
      w={w}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter") onCommit(text.trim());
      }}
    />
  );
}
