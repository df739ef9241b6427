import { i18n } from "../i18n/i18n.ts";
import type { SortKey } from "./portfolio-filters.ts";

/**
 * The portfolio's columns: which a user shows, in which order. The choice
 * lives in the URL (`columns=service,reason,…`, left out when it is the
 * default), so a saved view keeps it with the filters, and in the browser as
 * the user's own default for a portfolio opened without it. The customer and
 * tenant column always comes first: it names the row and links to the tenant.
 */

export const columnIds = [
  "service",
  "status",
  "reason",
  "blocked",
  "usage",
  "owner",
  "target",
  "nextAction",
] as const;

export type ColumnId = (typeof columnIds)[number];

export interface ColumnSpec {
  /** The English label; screens show portfolio.columns.<id> of web/i18n (columnLabel). */
  label: string;
  /** The grid track: the narrowest it gets (px), and its share of the room left. */
  min: number;
  grow: number;
  sort?: SortKey;
  numeric?: boolean;
}

// The default columns fit a 1,280 px window without scrolling sideways (1,220 px at their narrowest).
export const columnSpecs: Record<ColumnId, ColumnSpec> = {
  service: { label: "Service", min: 120, grow: 1 },
  status: { label: "Status of the seats", min: 132, grow: 1.2 },
  reason: { label: "Reason (L2 › L3)", min: 164, grow: 1.6 },
  blocked: { label: "Blocked", min: 60, grow: 0, sort: "blocked_seats", numeric: true },
  usage: { label: "Usage", min: 64, grow: 0, sort: "usage_share", numeric: true },
  owner: { label: "Owner", min: 120, grow: 1.2 },
  target: { label: "Target", min: 100, grow: 0, sort: "target_date" },
  // The action, and under it its date and whether it is overdue.
  nextAction: { label: "Next action", min: 168, grow: 1.6, sort: "next_action_date" },
};

export const defaultColumns: readonly ColumnId[] = columnIds;

/** The URL parameter that holds the choice. */
export const columnsParam = "columns";

const checkboxTrack = 36;
const customerTrack = { min: 168, grow: 1.5 };
const gap = 8;

const known = new Set<string>(columnIds);

/** The columns a parameter names, known ones once each in its order; the default when it names none. */
export function parseColumns(text: string | null | undefined): ColumnId[] {
  const ids = (text ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id): id is ColumnId => known.has(id));
  const unique = [...new Set(ids)];
  return unique.length > 0 ? unique : [...defaultColumns];
}

/** The parameter's value, or null for the default (which the URL leaves out). */
export function columnsText(columns: readonly ColumnId[]): string | null {
  return sameColumns(columns, defaultColumns) ? null : columns.join(",");
}

export function sameColumns(a: readonly ColumnId[], b: readonly ColumnId[]): boolean {
  return a.length === b.length && a.every((id, at) => id === b[at]);
}

/** Shows a hidden column (at the end) or hides a shown one; the last one shown stays. */
export function toggleColumn(columns: readonly ColumnId[], id: ColumnId): ColumnId[] {
  if (!columns.includes(id)) return [...columns, id];
  return columns.length > 1 ? columns.filter((shown) => shown !== id) : [...columns];
}

/** Moves a shown column one place earlier (-1) or later (+1). */
export function moveColumn(columns: readonly ColumnId[], id: ColumnId, by: -1 | 1): ColumnId[] {
  const from = columns.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= columns.length) return [...columns];
  const next = [...columns];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** CSS grid-template-columns for the checkbox, the customer and these columns. */
export function gridTemplate(columns: readonly ColumnId[]): string {
  const track = ({ min, grow }: { min: number; grow: number }) =>
    grow > 0 ? `minmax(${min}px, ${grow}fr)` : `${min}px`;
  return [`${checkboxTrack}px`, track(customerTrack), ...columns.map((id) => track(columnSpecs[id]))].join(
    " ",
  );
}

/** The narrowest the table gets before it scrolls sideways, px. */
export function minimumWidth(columns: readonly ColumnId[]): number {
  const tracks = [checkboxTrack, customerTrack.min, ...columns.map((id) => columnSpecs[id].min)];
  return tracks.reduce((sum, width) => sum + width, 0) + gap * (tracks.length + 1);
}

/**
 * The query a saved view keeps: the page's, with the columns shown (even when
 * they came from the browser's default rather than the URL), without the
 * editor that may be open over the list.
 */
export function viewQuery(search: string, columns: readonly ColumnId[]): string {
  const params = new URLSearchParams(search);
  params.delete("edit");
  params.delete("tab");
  const text = columnsText(columns);
  if (text) params.set(columnsParam, text);
  else params.delete(columnsParam);
  return params.toString();
}

/** A column's label in the app's language. */
export function columnLabel(id: ColumnId | "customer"): string {
  return i18n.t(`portfolio.columns.${id}`);
}
