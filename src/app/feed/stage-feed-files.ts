import type { BulkSession } from "../../db/client.ts";
import { stageRows } from "../../db/sql/feed-staging-sql.ts";
import type { FeedFileName } from "../../domain/feed/feed-files.ts";
import type { FeedRowError } from "../../domain/feed/feed-row-error.ts";
import { type FeedRowValues, type ParsedFeedRow, parseFeedRow } from "../../domain/feed/parse-feed-row.ts";
import type { PlaybookIndex } from "../../domain/playbook/playbook-index.ts";
import { type FeedFile, readFeedFile } from "./read-feed-folder.ts";

/** Rows copied per COPY: the file is streamed, never held whole. */
const batchSize = 5_000;

export interface StagedFile {
  name: FeedFileName;
  rows: number;
  /** Optional columns the file had (a column left out keeps the stored values). */
  columns: Set<string>;
}

/**
 * Streams each file through the row checks into its staging table, refused
 * rows too (marked not ok, with the key they name). Errors go to `rejected`.
 */
export async function stageFeedFile(
  session: BulkSession,
  index: PlaybookIndex,
  file: FeedFile,
  rejected: FeedRowError[],
  onBatch: (rows: number) => void,
): Promise<StagedFile> {
  const staged: StagedFile = { name: file.name, rows: 0, columns: new Set() };
  let batch: Record<string, unknown>[] = [];
  for await (const record of readFeedFile(file, rejected)) {
    for (const column of Object.keys(record.cells)) staged.columns.add(column);
    const parsed = parseFeedRow(file.name, record.row, record.cells, index);
    if (!parsed.ok) rejected.push(...parsed.errors);
    batch.push(stagingRow(file.name, parsed));
    staged.rows += 1;
    if (batch.length >= batchSize) {
      await stageRows(session, file.name, batch);
      batch = [];
      onBatch(staged.rows);
    }
  }
  await stageRows(session, file.name, batch);
  onBatch(staged.rows);
  return staged;
}

/** A parsed row as its staging table's columns. */
function stagingRow<F extends FeedFileName>(file: F, parsed: ParsedFeedRow<F>): Record<string, unknown> {
  const values: Partial<FeedRowValues[F]> = parsed.ok ? parsed.value : parsed.key;
  const v = values as Record<string, unknown>;
  const base = { row: parsed.row, ok: parsed.ok };
  switch (file) {
    case "customers":
      return { ...base, customer_key: v.customerKey, name: v.name, segment: v.segment, country: v.country };
    case "tenants":
      return {
        ...base,
        tenant_key: v.tenantKey,
        customer_key: v.customerKey,
        name: v.name,
        domain: v.domain,
        country: v.country,
      };
    case "entitlements":
      return {
        ...base,
        tenant_key: v.tenantKey,
        service_id: v.serviceId,
        available_seats: v.availableSeats,
        purchased_seats: v.purchasedSeats,
        start_date: v.startDate,
        end_date: v.endDate,
      };
    case "people":
      return {
        ...base,
        email: v.email,
        name: v.name,
        role_id: v.roleId,
        customer_key: v.customerKey,
        tenant_key: v.tenantKey,
      };
    default:
      return {
        ...base,
        tenant_key: v.tenantKey,
        service_id: v.serviceId,
        date: v.date,
        active_seats: v.activeSeats,
      };
  }
}
