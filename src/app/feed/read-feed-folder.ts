import { createReadStream, existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parse } from "csv-parse";
import { AppError } from "../../domain/app-error.ts";
import { type FeedFileName, feedFileNames } from "../../domain/feed/feed-files.ts";
import { checkFeedHeader, missingFeedColumns } from "../../domain/feed/feed-header.ts";
import { type FeedRowError, feedRowError } from "../../domain/feed/feed-row-error.ts";

/** One feed file found in the folder. */
export interface FeedFile {
  name: FeedFileName;
  path: string;
  format: "csv" | "jsonl";
}

/** A data row: its spreadsheet row (CSV) or line number (JSON Lines), cells by normalised column. */
export interface FeedRecord {
  row: number;
  cells: Record<string, string>;
}

const extensions = { csv: [".csv"], jsonl: [".jsonl", ".ndjson"] } as const;

/** The feed files of a folder, in the order they must be applied (customers before tenants, ...). */
export function findFeedFiles(folder: string): FeedFile[] {
  const found: FeedFile[] = [];
  for (const name of feedFileNames) {
    const candidates = (["csv", "jsonl"] as const).flatMap((format) =>
      extensions[format].map((extension) => ({ name, format, path: join(folder, `${name}${extension}`) })),
    );
    const present = candidates.filter((candidate) => existsSync(candidate.path));
    if (present.length > 1) {
      throw new AppError(
        "validation_failed",
        `The folder has ${name} twice: keep one of ${present.map((p) => p.path).join(", ")}.`,
      );
    }
    if (present[0]) found.push(present[0]);
  }
  if (found.length === 0) {
    throw new AppError(
      "validation_failed",
      `No feed file in ${folder}: expected customers, tenants, entitlements, people or usage (.csv or .jsonl).`,
    );
  }
  return found;
}

/**
 * Streams a feed file's rows; a header (or JSON key) the file may not have
 * goes to `errors` and ends the file there, since no row of it can be read
 * with confidence. Blank lines are skipped but keep their row numbers.
 */
export async function* readFeedFile(file: FeedFile, errors: FeedRowError[]): AsyncGenerator<FeedRecord> {
  if (file.format === "csv") yield* readCsv(file, errors);
  else yield* readJsonLines(file, errors);
}

async function* readCsv(file: FeedFile, errors: FeedRowError[]): AsyncGenerator<FeedRecord> {
  const parser = createReadStream(file.path).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: false }),
  );
  let columns: string[] | null = null;
  let row = 1;
  for await (const cells of parser as AsyncIterable<string[]>) {
    if (columns === null) {
      const header = checkFeedHeader(file.name, cells);
      const problems = [...header.errors, ...missingFeedColumns(file.name, header.columns)];
      if (problems.length > 0) {
        errors.push(...problems);
        parser.destroy();
        return;
      }
      columns = header.columns;
      continue;
    }
    row += 1;
    if (cells.every((cell) => cell.trim() === "")) continue;
    const record: Record<string, string> = {};
    columns.forEach((column, position) => {
      if (column !== "") record[column] = cells[position] ?? "";
    });
    yield { row, cells: record };
  }
}

async function* readJsonLines(file: FeedFile, errors: FeedRowError[]): AsyncGenerator<FeedRecord> {
  const lines = createInterface({ input: createReadStream(file.path), crlfDelay: Number.POSITIVE_INFINITY });
  let row = 0;
  for await (const line of lines) {
    row += 1;
    if (line.trim() === "") continue;
    const parsed = parseJsonObject(line);
    if (!parsed) {
      errors.push(feedRowError(file.name, row, null, "json_invalid", "The line is not a JSON object.", {}));
      continue;
    }
    const header = checkFeedHeader(file.name, Object.keys(parsed), row);
    if (header.errors.length > 0) {
      errors.push(...header.errors);
      lines.close();
      return;
    }
    const record: Record<string, string> = {};
    Object.values(parsed).forEach((value, position) => {
      record[header.columns[position]!] = value === null || value === undefined ? "" : String(value);
    });
    yield { row, cells: record };
  }
}

function parseJsonObject(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
