import type { Violation } from "../violation.ts";
import {
  type CsvColumnName,
  isCsvColumnName,
  normalizeHeader,
  requiredColumnNames,
  tenantKeyColumnNames,
} from "./csv-columns.ts";

/**
 * A problem found in an import file, located the way a spreadsheet shows it:
 * the header is row 1, so the first data row is row 2.
 */
export interface CsvRowError {
  row: number;
  /** The CSV column at fault; null when the whole row (or group of rows) is. */
  field: CsvColumnName | null;
  code: string;
  message: string;
}

/** Spreadsheet row number of the data row at a 0-based position in the file. */
export function spreadsheetRow(dataIndex: number): number {
  return dataIndex + 2;
}

export function rowError(
  row: number,
  field: CsvColumnName | null,
  code: string,
  message: string,
): CsvRowError {
  return { row, field, code, message };
}

/** "row 17, target_date: target_date_past: ..." as people read it in a terminal. */
export function formatRowError(error: CsvRowError): string {
  const where = error.field ? `row ${error.row}, ${error.field}` : `row ${error.row}`;
  return `${where}: ${error.code}: ${error.message}`;
}

/** Row errors as violations (`rows.17.target_date`), the shape AppError carries to HTTP clients. */
export function rowErrorsAsViolations(errors: readonly CsvRowError[]): Violation[] {
  return errors.map((error) => ({
    field: error.field ? `rows.${error.row}.${error.field}` : `rows.${error.row}`,
    code: error.code,
    message: error.message,
  }));
}

export interface HeaderCheck {
  /** Normalised column name for each header cell, in file order. */
  columns: string[];
  errors: CsvRowError[];
}

/**
 * Reads the header row. Unknown columns are refused rather than skipped: a
 * misspelt "target date " column silently ignored would drop every date in it.
 */
export function checkHeader(headers: readonly string[]): HeaderCheck {
  const columns = headers.map(normalizeHeader);
  const errors: CsvRowError[] = [];
  const seen = new Set<string>();
  for (const column of columns) {
    if (column === "") continue;
    if (!isCsvColumnName(column)) {
      errors.push(rowError(1, null, "column_unknown", `"${column}" is not a column of the status CSV.`));
    } else if (seen.has(column)) {
      errors.push(rowError(1, column, "column_duplicate", `The column "${column}" appears more than once.`));
    }
    seen.add(column);
  }
  for (const required of requiredColumnNames) {
    if (!seen.has(required)) {
      errors.push(rowError(1, required, "column_missing", `The file needs a "${required}" column.`));
    }
  }
  if (!tenantKeyColumnNames.some((column) => seen.has(column))) {
    errors.push(
      rowError(
        1,
        "tenant_domain",
        "column_missing",
        'The file needs a "tenant_domain" or a "tenant_id" column to name its tenants.',
      ),
    );
  }
  return { columns, errors };
}
