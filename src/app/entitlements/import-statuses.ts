import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import type { Db } from "../../db/client.ts";
import type { LockedEntitlement } from "../../db/repositories/entitlement-repository.ts";
import { loadTenantDomainsByKey } from "../../db/repositories/import-target-repository.ts";
import { saidError } from "../../domain/app-error.ts";
import type { CsvColumnName } from "../../domain/csv/csv-columns.ts";
import {
  type CsvRowError,
  checkHeader,
  rowError,
  rowErrorsAsViolations,
  spreadsheetRow,
} from "../../domain/csv/csv-row-error.ts";
import { groupStatusRows, type RowGroups } from "../../domain/csv/group-status-rows.ts";
import { type CsvRecord, parseStatusRow, type RowParse } from "../../domain/csv/parse-status-row.ts";
import type { ImportPlan } from "../../domain/csv/plan-status-import.ts";
import { unescapeFormula } from "../../domain/csv/spreadsheet-cells.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireActor, rowScopeOf } from "../auth/authorize-actor.ts";
import { indexFor } from "../playbook/playbook-translations.ts";
import { judgeImport, writeImportChanges } from "./import-judge.ts";

export interface ImportProgress {
  phase: "reading" | "checking" | "writing";
  done: number;
  /** 0 while the total is not known yet (reading a stream). */
  total: number;
}

export interface ImportStatusesInput {
  /** The file's text, or a stream of it (one of the two). */
  csvText?: string;
  stream?: AsyncIterable<string | Uint8Array>;
  actor: Actor;
  /** Check everything, write nothing. */
  dryRun?: boolean;
  /** Default true: any error refuses the whole file. False writes the entitlements without errors. */
  allOrNothing?: boolean;
  /** available_seats in the file replace the stored counts instead of having to match them. */
  updateSeats?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportReport {
  /** Data rows read (the header not counted). */
  rows: number;
  /** Distinct tenant x service pairs the rows name. */
  entitlements: number;
  /** Entitlements whose status differs from the stored one (written unless `written` is false). */
  changed: number;
  /** Entitlements the file restates as they are: nothing written, no history row. */
  unchanged: number;
  errors: CsvRowError[];
  dryRun: boolean;
  /** Whether the changes were stored. */
  written: boolean;
}

/**
 * Imports statuses from the status CSV (docs/CSV.md), judged by the same
 * playbook rules as the API. Reads of the database are batched (a few queries
 * whatever the file size) and all writes happen in one transaction, with
 * set-based statements per thousand services, each thousand written while
 * the next is judged (import-judge.ts).
 *
 * Outcome, the same for the CLI and HTTP: a dry run always returns the report.
 * Otherwise, when the file has errors and the import is all-or-nothing (the
 * default), nothing is written and AppError("import_failed") is thrown with the
 * row errors as violations (`rows.17.target_date`) and the report in
 * `detail.report`. With `allOrNothing: false` the entitlements without errors
 * are written and the report lists the others.
 */
export async function importStatuses(deps: AppDeps, input: ImportStatusesInput): Promise<ImportReport> {
  requireActor(deps, input.actor);
  const progress = input.onProgress ?? (() => undefined);
  const read = await readStatusFile(deps, input, progress);
  const file: ImportFile = { read, ...groupStatusRows(read.parses) };
  if (input.dryRun) {
    const { plan, errors } = await judgeImport(deps, deps.database.db, file, judgingOf(input, progress));
    const all = sortErrors([...file.read.errors, ...file.errors, ...errors]);
    return reportOf(file, plan, all, { dryRun: true, written: false });
  }
  const outcome = await writeImport(deps, input, file, progress);
  if (!outcome.written && outcome.errors.length > 0) {
    const count = outcome.errors.length;
    throw saidError(
      "import_failed",
      count === 1 ? "import_failed_one" : "import_failed_other",
      { count },
      { violations: rowErrorsAsViolations(outcome.errors), detail: { report: outcome } },
    );
  }
  return outcome;
}

/** The file as read and grouped into one proposed status per entitlement. */
interface ImportFile extends RowGroups {
  read: ReadFile;
}

type Progress = (progress: ImportProgress) => void;

/** Thrown inside the transaction to roll back what earlier chunks wrote; carries the report out. */
class Refused extends Error {
  constructor(readonly report: ImportReport) {
    super("import refused");
  }
}

/**
 * Judges and writes in one transaction, under the row locks the judging
 * took, each chunk's changes written while the next is judged. Writes
 * nothing when the file could not be read to its end; when the import is
 * all-or-nothing (the default), an error in any chunk rolls back the chunks
 * already written.
 */
async function writeImport(
  deps: AppDeps,
  input: ImportStatusesInput,
  file: ImportFile,
  progress: Progress,
): Promise<ImportReport> {
  const allOrNothing = input.allOrNothing ?? true;
  const fileErrors = file.read.errors.length + file.errors.length;
  const writable = file.read.complete && !(allOrNothing && fileErrors > 0);
  const stamp = { actor: input.actor, now: deps.now() };
  let written = 0;
  try {
    return await deps.database.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      const { plan, errors } = await judgeImport(deps, tx, file, {
        ...judgingOf(input, progress),
        write: (changes, errorsSoFar) => {
          if (!writable || (allOrNothing && errorsSoFar > 0) || changes.length === 0) return null;
          return writeImportChanges(deps, tx, stamp, changes).then(() => {
            written += changes.length;
          });
        },
      });
      const all = sortErrors([...file.read.errors, ...file.errors, ...errors]);
      if (!writable || (all.length > 0 && allOrNothing)) {
        const report = reportOf(file, plan, all, { dryRun: false, written: false });
        if (written > 0) throw new Refused(report);
        return report;
      }
      progress({ phase: "writing", done: written, total: plan.changes.length });
      return reportOf(file, plan, all, { dryRun: false, written: true });
    });
  } catch (error) {
    if (error instanceof Refused) return error.report;
    throw error;
  }
}

function judgingOf(input: ImportStatusesInput, progress: Progress) {
  return {
    actor: input.actor,
    dryRun: input.dryRun ?? false,
    updateSeats: input.updateSeats ?? false,
    onChecked: (done: number, total: number) => progress({ phase: "checking", done, total }),
  };
}

function reportOf(
  file: ImportFile,
  plan: ImportPlan<LockedEntitlement>,
  errors: CsvRowError[],
  outcome: { dryRun: boolean; written: boolean },
): ImportReport {
  return {
    rows: file.read.rows,
    entitlements: file.groups.length,
    changed: plan.changes.length,
    unchanged: plan.unchanged,
    errors,
    ...outcome,
  };
}

interface ReadFile {
  rows: number;
  parses: RowParse[];
  /** Errors of the file itself (header, CSV syntax). */
  errors: CsvRowError[];
  /** False when the file could not be read to its end: nothing of it may be written. */
  complete: boolean;
}

/**
 * Parses the CSV into rows checked one by one. Empty lines are kept as rows
 * (and skipped) so row numbers stay those a spreadsheet shows; a note with a
 * line break is one row, as in a spreadsheet. Rows naming their tenant by the
 * feed's `tenant_id` are checked once the file is read, with one lookup of
 * all the ids the file names.
 */
async function readStatusFile(
  deps: AppDeps,
  input: ImportStatusesInput,
  progress: Progress,
): Promise<ReadFile> {
  const source = input.stream ?? (input.csvText !== undefined ? [input.csvText] : null);
  if (!source) throw new Error("importStatuses needs csvText or stream");
  const result: ReadFile = { rows: 0, parses: [], errors: [], complete: false };
  const records = await readRecords(source, result, progress);
  const keys = records.flatMap(({ record }) => (record.tenant_id?.trim() ? [record.tenant_id.trim()] : []));
  const domains =
    keys.length === 0
      ? new Map<string, string>()
      : await loadTenantDomainsByKey(deps.database.db, { keys, visibleTo: rowScopeOf(deps, input.actor) });
  const index = indexFor(deps, input.actor);
  for (const { record, row } of records) {
    result.parses.push(parseStatusRow(index, record, row, (key) => domains.get(key)));
  }
  progress({ phase: "reading", done: result.rows, total: result.rows });
  return result;
}

/** The data rows of the file as records, with the errors of the file itself in `result`. */
async function readRecords(
  source: AsyncIterable<string | Uint8Array> | string[],
  result: ReadFile,
  progress: Progress,
): Promise<{ record: CsvRecord; row: number }[]> {
  const parser = Readable.from(source).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: false }),
  );
  const records: { record: CsvRecord; row: number }[] = [];
  let columns: string[] | null = null;
  let position = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (columns === null) {
        const header = checkHeader(cells);
        if (header.errors.length > 0) {
          result.errors.push(...header.errors);
          parser.destroy();
          return records;
        }
        columns = header.columns;
        continue;
      }
      const row = spreadsheetRow(position);
      position += 1;
      if (cells.every((cell) => cell.trim() === "")) continue;
      result.rows += 1;
      if (cells.length > columns.length && cells.slice(columns.length).some((cell) => cell.trim() !== "")) {
        result.errors.push(
          rowError(
            row,
            null,
            "row_too_long",
            `The row has ${cells.length} cells but the header only ${columns.length}.`,
          ),
        );
        continue;
      }
      records.push({ record: recordOf(columns, cells), row });
      if (result.rows % 1000 === 0) progress({ phase: "reading", done: result.rows, total: 0 });
    }
    result.complete = columns !== null;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The parser counts records including the header; the failing one is the next row.
    const row = (typeof error.records === "number" ? error.records : position + 1) + 1;
    result.errors.push(
      rowError(row, null, "csv_invalid", `The file is not valid CSV here: ${error.message}`),
    );
  }
  if (columns === null && result.errors.length === 0) {
    result.errors.push(
      rowError(1, null, "csv_empty", "The file is empty: it needs a header row and data rows."),
    );
  }
  return records;
}

function recordOf(columns: readonly string[], cells: readonly string[]): CsvRecord {
  const record: Record<string, string> = {};
  columns.forEach((column, position) => {
    if (column !== "") record[column] = unescapeFormula(cells[position] ?? "");
  });
  return record as Partial<Record<CsvColumnName, string>>;
}

function sortErrors(errors: CsvRowError[]): CsvRowError[] {
  return errors.sort((a, b) => a.row - b.row);
}
