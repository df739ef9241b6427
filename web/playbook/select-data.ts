import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";

/** Option lists for NativeSelect, read from the playbook (labels are names, values ids). */
export interface OptionItem {
  value: string;
  label: string;
}
export interface OptionGroup {
  group: string;
  items: OptionItem[];
}
export type SelectData = Array<OptionItem | OptionGroup>;

export function l1Data(index: PlaybookIndex): OptionItem[] {
  return index.playbook.l1s.map((l1) => ({ value: l1.id, label: l1.name }));
}

/** L2s of one L1, or of every L1 grouped by L1 when none is chosen. */
export function l2Data(index: PlaybookIndex, l1: string | undefined): SelectData {
  if (l1) return (index.l1(l1)?.l2s ?? []).map((l2) => ({ value: l2.id, label: l2.name }));
  return index.playbook.l1s
    .filter((entry) => entry.l2s.length > 0)
    .map((entry) => ({
      group: entry.name,
      items: entry.l2s.map((l2) => ({ value: l2.id, label: l2.name })),
    }));
}

export function l3Data(index: PlaybookIndex, l1: string, l2: string, serviceId?: string): OptionItem[] {
  return index.l3sFor(l1, l2, serviceId).map((l3) => ({ value: l3.id, label: l3.name }));
}

export function serviceData(index: PlaybookIndex): OptionGroup[] {
  return index.playbook.serviceFamilies.map((family) => ({
    group: family.name,
    items: family.services.map((service) => ({ value: service.id, label: service.name })),
  }));
}

/** The L1 an L2 id belongs to (L2 ids are unique across the taxonomy in practice). */
export function l1OfL2(index: PlaybookIndex, l2: string): string | undefined {
  return index.playbook.l1s.find((l1) => l1.l2s.some((entry) => entry.id === l2))?.id;
}

/** An empty first option for filters: "any". */
export function withAny(data: SelectData, label = "Any"): SelectData {
  return [{ value: "", label }, ...data];
}
