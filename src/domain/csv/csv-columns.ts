import type { ProposedSegment } from "../status-segment.ts";

/**
 * The status CSV: one row per status segment. Rows naming the same tenant and
 * service together are the full segment list of that entitlement (a split).
 * Export writes every column below so a file can be edited and imported again.
 */

/** A segment field as it travels through a CSV column. */
export type SegmentColumnField = Exclude<keyof ProposedSegment, "seats">;

export interface CsvColumn {
  name: string;
  /** The column must be in the header of an import file. */
  required: boolean;
  /** Export writes it; import reads it only to check it (or not at all). */
  exportOnly: boolean;
  description: string;
}

export const csvColumns = [
  { name: "customer", required: false, exportOnly: true, description: "Customer name; ignored on import." },
  { name: "tenant", required: false, exportOnly: true, description: "Tenant name; ignored on import." },
  {
    name: "tenant_domain",
    required: false,
    exportOnly: false,
    description: "The tenant's primary domain; this or tenant_id names the tenant.",
  },
  {
    name: "tenant_id",
    required: false,
    exportOnly: false,
    description:
      "The tenant's stable id from the portfolio feed; must agree with tenant_domain when both are given.",
  },
  { name: "service", required: true, exportOnly: false, description: "Service id, name, code or alias." },
  {
    name: "entitlement_id",
    required: false,
    exportOnly: false,
    description: "When given, must be the id of the tenant's entitlement for the service.",
  },
  {
    name: "version",
    required: false,
    exportOnly: false,
    description: "The entitlement version read at export; when it changed since, the rows are refused.",
  },
  {
    name: "stage",
    required: false,
    exportOnly: false,
    description: "assignment or delivery; empty keeps the stage stored.",
  },
  {
    name: "available_seats",
    required: false,
    exportOnly: false,
    description: "When given, must equal the stored available seats (or updates them with --update-seats).",
  },
  { name: "seats", required: true, exportOnly: false, description: "Seats in this segment." },
  { name: "l1", required: true, exportOnly: false, description: "L1 status, id or name." },
  { name: "l2", required: false, exportOnly: false, description: "L2 reason, id, name or alias." },
  { name: "l3", required: false, exportOnly: false, description: "L3 reason, id or name." },
  {
    name: "scenario",
    required: false,
    exportOnly: false,
    description: "Scenario row id; empty picks the row for the L1 and stage.",
  },
  { name: "service_status", required: false, exportOnly: false, description: "Service status, id or name." },
  {
    name: "engagement_scenario",
    required: false,
    exportOnly: false,
    description: "Engagement scenario, id or name.",
  },
  { name: "target_date", required: false, exportOnly: false, description: "YYYY-MM-DD." },
  { name: "owner", required: false, exportOnly: false, description: "Who owns the blockage." },
  { name: "note", required: false, exportOnly: false, description: "The service intent note." },
  { name: "next_action_date", required: false, exportOnly: false, description: "YYYY-MM-DD." },
  { name: "next_action", required: false, exportOnly: false, description: "Next action to be taken." },
  {
    name: "split_reason",
    required: false,
    exportOnly: false,
    description: "geography, operating_company or duplicate_entitlement; needed when rows split a service.",
  },
] as const satisfies readonly CsvColumn[];

export type CsvColumnName = (typeof csvColumns)[number]["name"];

/** Export order: every column, identity first. */
export const exportColumnNames: readonly CsvColumnName[] = csvColumns.map((column) => column.name);

/** A file must name its tenants by one of these columns, or both. */
export const tenantKeyColumnNames: readonly CsvColumnName[] = ["tenant_domain", "tenant_id"];

export const requiredColumnNames: readonly CsvColumnName[] = csvColumns
  .filter((column) => column.required)
  .map((column) => column.name);

/** Which column carries which segment field, both ways (violations name fields, reports name columns). */
export const columnBySegmentField: Record<SegmentColumnField | "seats", CsvColumnName> = {
  seats: "seats",
  l1: "l1",
  scenarioId: "scenario",
  l2: "l2",
  l3: "l3",
  serviceStatus: "service_status",
  engagementScenario: "engagement_scenario",
  targetDate: "target_date",
  owner: "owner",
  note: "note",
  nextActionDate: "next_action_date",
  nextAction: "next_action",
  splitReason: "split_reason",
};

const known = new Set<string>(exportColumnNames);

/** Spreadsheet headers drift ("Target Date", "target-date"); all mean target_date. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

export function isCsvColumnName(name: string): name is CsvColumnName {
  return known.has(name);
}
