import { stringify } from "csv-stringify/sync";
import { streamEntitlementViews } from "../db/repositories/entitlement-stream.ts";
import type { EntitlementView } from "../db/repositories/entitlement-view.ts";
import { exportColumnNames } from "../domain/csv/csv-columns.ts";
import { entitlementCsvRows } from "../domain/csv/entitlement-csv-rows.ts";
import type { AppDeps } from "./app-deps.ts";
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
  await streamEntitlementViews(deps.database.db, query, pageSize, async (views) => {
    if (format === "csv") {
      const rows = views.flatMap((item) => entitlementCsvRows(exportedOf(item)));
      counts.rows += rows.length;
      await write(stringify(rows));
    } else {
      const lead = counts.entitlements === 0 ? "\n" : ",\n";
      await write(lead + views.map((item) => JSON.stringify(item)).join(",\n"));
      counts.rows += views.length;
    }
    counts.entitlements += views.length;
  });

  if (format === "json") await write(counts.entitlements === 0 ? "]\n" : "\n]\n");
  return counts;
}

function exportedOf(view: EntitlementView) {
  return {
    id: view.id,
    version: view.version,
    customerName: view.customer.name,
    tenantName: view.tenant.name,
    tenantDomain: view.tenant.domain,
    serviceId: view.service.id,
    stage: view.stage,
    availableSeats: view.availableSeats,
    segments: view.segments,
  };
}
