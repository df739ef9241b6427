import { normalizeHeader } from "../csv/csv-columns.ts";
import { type FeedFileName, feedColumns } from "./feed-files.ts";
import { type FeedRowError, feedRowError } from "./feed-row-error.ts";

export interface FeedHeader {
  /** Normalised column name of each header cell, in file order. */
  columns: string[];
  errors: FeedRowError[];
}

/**
 * Reads a feed file's header as the status CSV reads its own ("Customer Key",
 * "customer-key" and "customer_key" are one column). Unknown columns are
 * refused: a misspelt optional column skipped would silently keep stale data.
 */
export function checkFeedHeader(file: FeedFileName, headers: readonly string[], row = 1): FeedHeader {
  const known = new Set(feedColumns[file].map((column) => column.name));
  const columns = headers.map(normalizeHeader);
  const errors: FeedRowError[] = [];
  const seen = new Set<string>();
  for (const name of columns) {
    if (name === "") continue;
    if (!known.has(name)) {
      errors.push(
        feedRowError(file, row, name, "column_unknown", `"${name}" is not a column of ${file}.`, {
          name,
          file,
        }),
      );
    } else if (seen.has(name)) {
      errors.push(
        feedRowError(file, row, name, "column_duplicate", `The column "${name}" appears twice.`, { name }),
      );
    }
    seen.add(name);
  }
  return { columns, errors };
}

/** Required columns a CSV header lacks (JSON Lines rows report missing values row by row instead). */
export function missingFeedColumns(file: FeedFileName, columns: readonly string[]): FeedRowError[] {
  const present = new Set(columns);
  return feedColumns[file]
    .filter((column) => column.required && !present.has(column.name))
    .map((column) =>
      feedRowError(file, 1, column.name, "column_missing", `${file} needs a "${column.name}" column.`, {
        file,
        name: column.name,
      }),
    );
}
