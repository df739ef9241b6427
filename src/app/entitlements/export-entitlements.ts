import { stringify } from "csv-stringify/sync";
import { streamEntitlementRows } from "../../db/repositories/entitlement-export-repository.ts";
import type { EntitlementViewRow } from "../../db/sql/entitlement-view-sql.ts";
import { viewOfRow } from "../../db/sql/entitlement-view-sql.ts";
import { exportColumnNames } from "../../domain/csv/csv-columns.ts";
import { type ExportedEntitlement, entitlementCsvRows } from "../../domain/csv/entitlement-csv-rows.ts";
import type { Stage } from "../../domain/playbook/playbook-schema.ts";
import type { StatusSegment } from "../../domain/status-segment.ts";
import type { AppDeps } from "../app-deps.ts";
import { type EntitlementFilter, entitlementQueryOf } from "./list-entitlements.ts";

export type ExportFormat = "csv" | "json";

/** The filter of the list, without paging: an export walks every page itself. */
export type ExportFilter = Omit<EntitlementFilter, "limit" | "cursor">;

/** Receives the file piece by piece; a returned promise is awaited (backpressure). */
export type ChunkWriter = (chunk: string) => void | Promise<void>;

const pageSize = 200;

/**
 * Writes the entitlements matching a filter as the status CSV (docs/CSV.md,
 * one row per segment, importable again) or as a JSON array of entitlement
 * views (the API's shape). Streams the list from one database cursor in one
 * snapshot, so only one batch is in memory at a time however large the
 * portfolio, and a slow reader holds the database back rather than memory. Without a sort,
 * entitlements come by customer, which keeps a tenant's services together.
 */
export async function exportEntitlements(
  deps: AppDeps,
  filter: ExportFilter,
  format: ExportFormat,
  write: ChunkWriter,
): Promise<{ entitlements: number; rows: number }> {
  const counts = { entitlements: 0, rows: 0 };
  const base: EntitlementFilter = { sort: "customer", ...filter, limit: pageSize };
  if (format === "csv") await write(stringify([exportColumnNames]));
  else await write("[");

  const { limit: _, cursor: __, ...query } = entitlementQueryOf(deps, base);
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
    serviceId: row.serviceId,
    stage: row.stage as Stage,
    availableSeats: row.availableSeats,
    segments: row.segments ? (JSON.parse(row.segments) as StatusSegment[]) : [],
  };
}
