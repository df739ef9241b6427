import type { FeedFileName } from "./feed-files.ts";

/**
 * A feed row refused, located as a spreadsheet shows it (CSV: the header is
 * row 1; JSON Lines: the line number). `column` is null when the whole row is
 * at fault.
 */
export interface FeedRowError {
  file: FeedFileName;
  row: number;
  column: string | null;
  code: string;
  message: string;
}

export function feedRowError(
  file: FeedFileName,
  row: number,
  column: string | null,
  code: string,
  message: string,
): FeedRowError {
  return { file, row, column, code, message };
}

/** "tenants.csv row 7, customer_key: customer_unknown: ..." as people read it in a terminal. */
export function formatFeedRowError(error: FeedRowError): string {
  const where = error.column ? `row ${error.row}, ${error.column}` : `row ${error.row}`;
  return `${error.file} ${where}: ${error.code}: ${error.message}`;
}
