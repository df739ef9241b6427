import type { Violation } from "../violation.ts";
import { type CsvColumnName, columnBySegmentField, type SegmentColumnField } from "./csv-columns.ts";
import { type CsvRowError, rowError } from "./csv-row-error.ts";
import type { EntitlementRows } from "./group-status-rows.ts";

/**
 * Points each violation of the status rules back at the spreadsheet cell it
 * came from: `segments.2.targetDate` is the target_date column of the group's
 * third row. Violations about the segments together (their seat total) land on
 * the group's first row and name all its rows.
 */
export function violationsToRowErrors(
  group: EntitlementRows,
  violations: readonly Violation[],
): CsvRowError[] {
  const firstRow = group.rows[0] ?? 0;
  const allRows = group.rows.length > 1 ? ` (rows ${group.rows.join(", ")})` : "";
  return violations.map((found) => {
    const parts = found.field.split(".");
    if (parts[0] === "segments" && parts.length > 1) {
      const position = Number(parts[1]);
      const row = group.rows[position] ?? firstRow;
      const field = parts.length > 2 ? columnFor(parts[2]!) : null;
      return rowError(row, field, found.code, found.message);
    }
    if (parts[0] === "segments") return rowError(firstRow, "seats", found.code, `${found.message}${allRows}`);
    if (parts[0] === "availableSeats")
      return rowError(firstRow, "available_seats", found.code, found.message);
    if (parts[0] === "stage") return rowError(firstRow, "stage", found.code, found.message);
    if (parts[0] === "version") return rowError(firstRow, "version", found.code, found.message);
    return rowError(firstRow, null, found.code, found.message);
  });
}

function columnFor(field: string): CsvColumnName | null {
  return field in columnBySegmentField ? columnBySegmentField[field as SegmentColumnField | "seats"] : null;
}
