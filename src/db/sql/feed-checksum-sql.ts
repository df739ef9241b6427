import type { FeedFileName } from "../../domain/feed/feed-files.ts";
import type { BulkSession } from "../client.ts";

/**
 * What a feed file writes, read back from its table: the open rows' feed
 * columns, each row hashed (a row's text tells null from empty) and summed,
 * so the figure does not depend on row order. Two equal figures mean the
 * table holds what it held when the figure was taken (short of a 64-bit
 * hash collision), whoever wrote to it in between.
 */
const checksumSources: Partial<Record<FeedFileName, string>> = {
  customers: `select row(external_id, name, segment, country)::text as r from customers where ended_at is null`,
  tenants: `select row(external_id, customer_id, name, domain, country)::text as r from tenants where ended_at is null`,
  entitlements: `select row(tenant_id, service_id, available_seats, purchased_seats, start_date, end_date)::text as r
                   from entitlements where ended_at is null`,
  usage: `select row(tenant_id, service_id, date, active_seats)::text as r from usage_points`,
};

/** Files whose table state can be summed; people write users and assignments, which others edit too. */
export function hasTableChecksum(file: FeedFileName): boolean {
  return checksumSources[file] !== undefined;
}

/** "rows:sum" of the file's table (see checksumSources), or null for a file without one. */
export async function feedTableChecksum(session: BulkSession, file: FeedFileName): Promise<string | null> {
  const source = checksumSources[file];
  if (!source) return null;
  const { rows } = await session.execute(
    `select count(*)::text || ':' || coalesce(sum(hashtextextended(s.r, 0)), 0)::text as checksum from (${source}) s`,
  );
  return String(rows[0]?.checksum ?? "");
}
