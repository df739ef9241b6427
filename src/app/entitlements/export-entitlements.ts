import { stringify } from "csv-stringify/sync";
import { streamEntitlementRows } from "../../db/repositories/entitlement-export-repository.ts";
import type { EntitlementQuery } from "../../db/repositories/entitlement-list-repository.ts";
import type { EntitlementViewRow } from "../../db/sql/entitlement-view-sql.ts";
import { viewOfRow } from "../../db/sql/entitlement-view-sql.ts";
import { exportColumnNames } from "../../domain/csv/csv-columns.ts";
import { type ExportedEntitlement, entitlementCsvRows } from "../../domain/csv/entitlement-csv-rows.ts";
import type { Stage } from "../../domain/playbook/playbook-schema.ts";
import type { StatusSegment } from "../../domain/status-segment.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { listScopeOf } from "../auth/authorize-actor.ts";
import { type EntitlementFilter, entitlementQueryOf } from "./list-entitlements.ts";

export type ExportFormat = "csv" | "json";

/** The filter of the list, without paging: an export walks every page itself. */
export type ExportFilter = Omit<EntitlementFilter, "limit" | "cursor">;

/** Receives the file piece by piece; a returned promise is awaited (backpressure). */
export type ChunkWriter = (chunk: string) => void | Promise<void>;

const pageSize = 200;

export interface ExportCounts {
  entitlements: number;
  rows: number;
}

/**
 * Writes the entitlements the actor may see matching a filter as the status
 * CSV (docs/CSV.md, one row per segment, importable again) or as a JSON array
 * of entitlement views (the API's shape). Streams the list from one database
 * cursor in one snapshot, so only one batch is in memory at a time however
 * large the portfolio, and a slow reader holds the database back rather than
 * memory. Without a sort, entitlements come by customer, which keeps a
 * tenant's services together.
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
 */
export function prepareEntitlementExport(
  deps: AppDeps,
  actor: Actor,
  filter: ExportFilter,
  format: ExportFormat,
): (write: ChunkWriter) => Promise<ExportCounts> {
  const base: EntitlementFilter = { sort: "customer", ...filter, limit: pageSize };
  const { limit: _, cursor: __, ...query } = entitlementQueryOf(deps, base, listScopeOf(deps, actor));
  return (write) => writeExport(deps, query, format, write);
}

async function writeExport(
  deps: AppDeps,
  query: Omit<EntitlementQuery, "limit" | "cursor">,
  format: ExportFormat,
  write: ChunkWriter,
): Promise<ExportCounts> {
  const counts = { entitlements: 0, rows: 0 };
  if (format === "csv") await write(stringify([exportColumnNames]));
  else await write("[");
  await streamEntitlementRows(deps.database.db, query, pageSize, async (batch) => {
    if (format === "csv") {
      const rows = batch.flatMap((row) => entitlementCsvRows(exportedOf(row)));
      counts.rows += rows.length;
      await write(stringify(rows));
    } else {
      const lead = counts.entitlements === 0 ? "\n" : ",\n";
      await write(lead + batch.map((row) => JSON.stringify(viewOfRow(row))).join(",\n"));
      counts.rows += batch.length;
    }
    counts.entitlements += batch.length;
  });

  if (format === "json") await write(counts.entitlements === 0 ? "]\n" : "\n]\n");
  return counts;
}

/** What a CSV row needs, straight from the stream's row: no view, no timestamps rebuilt. */
function exportedOf(row: EntitlementViewRow): ExportedEntitlement {
  return {
    id: row.id,
    version: row.version,
    customerName: row.customerName,
    tenantName: row.tenantName,
    tenantDomain: row.tenantDomain,
    tenantId: row.tenantExternalId ?? "",
    serviceId: row.serviceId,
    stage: row.stage as Stage,
    availableSeats: row.availableSeats,
    segments: row.segments ? (JSON.parse(row.segments) as StatusSegment[]) : [],
  };
}
