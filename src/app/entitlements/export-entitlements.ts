import type { Database } from "../../db/client.ts";
import {
  type AsOfExportQuery,
  copyEntitlementCsvAsOf,
  streamEntitlementCsvAsOf,
  streamEntitlementViewsAsOf,
} from "../../db/repositories/as-of-export-repository.ts";
import {
  copyEntitlementCsv,
  type ExportCounts,
  type ExportQuery,
  streamEntitlementCsv,
  streamEntitlementJson,
  utf8Chunks,
} from "../../db/repositories/entitlement-export-repository.ts";
import type { EntitlementView } from "../../http/schemas/entitlements.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { listScopeOf } from "../auth/authorize-actor.ts";
import { readDatabaseFor } from "../replica/replica-reads.ts";
import { type EntitlementFilter, entitlementQueryOf } from "./list-entitlements.ts";
import { asOfQueryOf, viewAsOf } from "./list-entitlements-as-of.ts";

export type { ExportCounts } from "../../db/repositories/entitlement-export-repository.ts";

/** csv: the status CSV; json: an array of views, one a line; jsonl: JSON Lines, one view a line. */
export type ExportFormat = "csv" | "json" | "jsonl";

export const exportFormats = ["csv", "json", "jsonl"] as const satisfies readonly ExportFormat[];

/**
 * The filter of the list, without paging: an export walks every page itself.
 * `asOf` (YYYY-MM-DD): the file as it stood at the end of that day (docs/HISTORY.md).
 */
export type ExportFilter = Omit<EntitlementFilter, "limit" | "cursor"> & { asOf?: string };

/** Receives the file piece by piece; a returned promise is awaited (backpressure). */
export type ChunkWriter = (chunk: string) => void | Promise<void>;

/**
 * A writer that takes UTF-8 bytes too (an HTTP response): a server's COPY
 * output then goes on as it came, never decoded into text and encoded again.
 */
export type ByteWriter = (chunk: string | Buffer) => void | Promise<void>;

/** Writes the file to `write`; "bytes" hands COPY's chunks over undecoded (cut anywhere, a character too). */
type WriteExport = (write: ByteWriter, chunks: "text" | "bytes") => Promise<ExportCounts>;

/** Entitlements per fetch where rows come from a cursor (JSON, and CSV on the embedded database). */
const batchSize = 500;

/**
 * Writes the entitlements the actor may see matching a filter as the status
 * CSV (docs/CSV.md, one row per segment, importable again) or as JSON views
 * (the API's shape). PostgreSQL formats every row (COPY on a server), and the
 * file streams from one snapshot, so memory stays flat however large the
 * portfolio and a slow reader holds the database back rather than memory.
 * Without a sort, entitlements come by customer, which keeps a tenant's
 * services together. Reads the replica when one is set and fresh enough.
 */
export async function exportEntitlements(
  deps: AppDeps,
  actor: Actor,
  filter: ExportFilter,
  format: ExportFormat,
  write: ChunkWriter,
): Promise<ExportCounts> {
  return prepareEntitlementExport(deps, actor, filter, format)(write);
}

/**
 * exportEntitlements in two steps: the actor and the filter are checked now
 * (a refusal or a bad filter throws before anything is written, while an
 * HTTP answer can still be a 4xx), and the returned function writes the file.
 * With "bytes" it takes a ByteWriter.
 */
export function prepareEntitlementExport(
  deps: AppDeps,
  actor: Actor,
  filter: ExportFilter,
  format: ExportFormat,
): (write: ChunkWriter) => Promise<ExportCounts>;
export function prepareEntitlementExport(
  deps: AppDeps,
  actor: Actor,
  filter: ExportFilter,
  format: ExportFormat,
  chunks: "bytes",
): (write: ByteWriter) => Promise<ExportCounts>;
export function prepareEntitlementExport(
  deps: AppDeps,
  actor: Actor,
  filter: ExportFilter,
  format: ExportFormat,
  chunks: "text" | "bytes" = "text",
): (write: ByteWriter) => Promise<ExportCounts> {
  const writeExport = exportWriter(deps, actor, filter, format);
  return (write) => writeExport(write, chunks);
}

function exportWriter(deps: AppDeps, actor: Actor, filter: ExportFilter, format: ExportFormat): WriteExport {
  const { asOf, ...today } = filter;
  const base: EntitlementFilter = { sort: "customer", ...today, limit: batchSize };
  // A past day is read from the history; none, or today, is the current statuses.
  const past = asOf === undefined ? null : asOfQueryOf(deps, actor, { ...base, asOf });
  if (past) {
    const { limit: _, cursor: __, ...query } = past;
    return async (write, chunks) => {
      const database = await readDatabaseFor(deps, "export");
      if (format !== "csv") return writeJsonAsOf(database, query, format, write);
      return database.readSnapshot
        ? copyTo(write, chunks, (each) => copyEntitlementCsvAsOf(database, query, each))
        : streamEntitlementCsvAsOf(database.db, query, batchSize, textTo(write));
    };
  }
  const {
    limit: _,
    cursor: __,
    ...query
  } = entitlementQueryOf(deps, base, listScopeOf(deps, actor, filter.mine));
  return async (write, chunks) => {
    const database = await readDatabaseFor(deps, "export");
    if (format !== "csv") return writeJson(database, query, format, write);
    // A server streams COPY's own output; the embedded database cannot, and builds the same lines.
    return database.readSnapshot
      ? copyTo(write, chunks, (each) => copyEntitlementCsv(database, query, each))
      : streamEntitlementCsv(database.db, query, batchSize, textTo(write));
  };
}

function textTo(write: ByteWriter): (text: string) => Promise<void> {
  return async (text) => {
    await write(text);
  };
}

/** A COPY whose chunks go to `write` as they come, or decoded for a writer that takes text only. */
async function copyTo(
  write: ByteWriter,
  chunks: "text" | "bytes",
  copy: (each: (chunk: Buffer) => Promise<void>) => Promise<ExportCounts>,
): Promise<ExportCounts> {
  if (chunks === "bytes") {
    return copy(async (chunk) => {
      await write(chunk);
    });
  }
  const text = utf8Chunks(textTo(write));
  const counts = await copy(text.write);
  await text.end();
  return counts;
}

async function writeJson(
  database: Database,
  query: ExportQuery,
  format: "json" | "jsonl",
  write: ChunkWriter,
): Promise<ExportCounts> {
  return writeViews(format, write, (each) => streamEntitlementJson(database.db, query, batchSize, each));
}

/** Views as of the day: today's view with the status of then, as the as-of list gives them. */
async function writeJsonAsOf(
  database: Database,
  query: AsOfExportQuery,
  format: "json" | "jsonl",
  write: ChunkWriter,
): Promise<ExportCounts> {
  return writeViews(format, write, (each) =>
    streamEntitlementViewsAsOf(database.db, query, batchSize, (rows) =>
      each(
        rows.map((row) =>
          JSON.stringify(
            viewAsOf(JSON.parse(row.json) as EntitlementView, { entitlementId: "", ...row }, query.asOf),
          ),
        ),
      ),
    ),
  );
}

/** An array (one view a line) or JSON Lines of the views `stream` hands over. */
async function writeViews(
  format: "json" | "jsonl",
  write: ChunkWriter,
  stream: (each: (items: string[]) => Promise<void>) => Promise<void>,
): Promise<ExportCounts> {
  let entitlements = 0;
  // An array keeps one view a line, so either file is read a line at a time.
  const separator = format === "json" ? ",\n" : "\n";
  if (format === "json") await write("[");
  await stream(async (items) => {
    const lead = format === "jsonl" ? "" : entitlements === 0 ? "\n" : separator;
    await write(lead + items.join(separator) + (format === "jsonl" ? "\n" : ""));
    entitlements += items.length;
  });
  if (format === "json") await write(entitlements === 0 ? "]\n" : "\n]\n");
  return { entitlements, rows: entitlements };
}
