import type { Stage } from "../playbook/playbook-schema.ts";
import type { ProposedSegment } from "../status-segment.ts";
import type { CsvColumnName } from "./csv-columns.ts";
import { type CsvRowError, rowError } from "./csv-row-error.ts";
import type { RowParse, StatusRow } from "./parse-status-row.ts";

/** Every row of one tenant x service: together, the full proposed status of that entitlement. */
export interface EntitlementRows {
  tenantDomain: string;
  serviceId: string;
  /** Spreadsheet row numbers, in segment order (segment N came from rows[N]). */
  rows: number[];
  stage: Stage | null;
  availableSeats: number | null;
  version: number | null;
  entitlementId: string | null;
  /** [] when the file records no status for the service (only blank status rows). */
  segments: ProposedSegment[];
  /**
   * A row of this entitlement was refused on its own (bad number, rows that
   * disagree): the remaining rows are not the full segment list, so the
   * entitlement is neither judged nor written.
   */
  refused: boolean;
}

export interface RowGroups {
  groups: EntitlementRows[];
  /** Errors of single rows and of rows that disagree, in row order. */
  errors: CsvRowError[];
}

export function entitlementKey(tenantDomain: string, serviceId: string): string {
  return `${tenantDomain}\u0000${serviceId}`;
}

type SharedValue = "stage" | "availableSeats" | "version" | "entitlementId";
const columnOf: Record<SharedValue, CsvColumnName> = {
  stage: "stage",
  availableSeats: "available_seats",
  version: "version",
  entitlementId: "entitlement_id",
};

interface Entry {
  group: EntitlementRows;
  firstRowOf: Partial<Record<SharedValue, number>>;
  blankRows: number[];
}

/**
 * Gathers rows by tenant and service, in file order; the rows need not be
 * adjacent. Values that belong to the entitlement rather than the segment
 * (stage, available seats, version, id) may be repeated on every row or given
 * once, but rows that disagree are refused.
 */
export function groupStatusRows(parses: readonly RowParse[]): RowGroups {
  const byKey = new Map<string, Entry>();
  const errors: CsvRowError[] = [];
  const entryFor = (tenantDomain: string, serviceId: string): Entry => {
    const key = entitlementKey(tenantDomain, serviceId);
    let entry = byKey.get(key);
    if (!entry) {
      entry = { group: emptyGroup(tenantDomain, serviceId), firstRowOf: {}, blankRows: [] };
      byKey.set(key, entry);
    }
    return entry;
  };

  for (const parse of parses) {
    if (!parse.ok) {
      errors.push(...parse.errors);
      if (parse.key) entryFor(parse.key.tenantDomain, parse.key.serviceId).group.refused = true;
      continue;
    }
    const parsed = parse.value;
    const entry = entryFor(parsed.tenantDomain, parsed.serviceId);
    const disagreements = mergeShared(entry, parsed);
    if (disagreements.length > 0) {
      errors.push(...disagreements);
      entry.group.refused = true;
    }
    if (parsed.segment === null) {
      entry.blankRows.push(parsed.row);
      continue;
    }
    entry.group.rows.push(parsed.row);
    entry.group.segments.push(parsed.segment);
  }

  // A blank status row only means "no status" when it is all the file says about the service.
  for (const { group, blankRows } of byKey.values()) {
    if (group.segments.length === 0) {
      group.rows.push(...blankRows);
      continue;
    }
    for (const row of blankRows) {
      errors.push(rowError(row, "seats", "seats_required", "Give the number of seats in this segment."));
      group.refused = true;
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { groups: [...byKey.values()].map((entry) => entry.group), errors };
}

function emptyGroup(tenantDomain: string, serviceId: string): EntitlementRows {
  return {
    tenantDomain,
    serviceId,
    rows: [],
    stage: null,
    availableSeats: null,
    version: null,
    entitlementId: null,
    segments: [],
    refused: false,
  };
}

function mergeShared(entry: Entry, parsed: StatusRow): CsvRowError[] {
  const found: CsvRowError[] = [];
  for (const name of Object.keys(columnOf) as SharedValue[]) {
    const value = parsed[name];
    if (value === null) continue;
    const current = entry.group[name];
    if (current === null) {
      Object.assign(entry.group, { [name]: value });
      entry.firstRowOf[name] = parsed.row;
    } else if (current !== value) {
      const column = columnOf[name];
      found.push(
        rowError(
          parsed.row,
          column,
          `${column}_inconsistent`,
          `Rows of one service must agree on ${column}: row ${entry.firstRowOf[name]} says ${String(current)}, this row says ${String(value)}.`,
        ),
      );
    }
  }
  return found;
}
