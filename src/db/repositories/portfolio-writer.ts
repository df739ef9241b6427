import { getTableColumns, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { assignments, customers, entitlements, statusHistory, statusSegments, tenants } from "../schema.ts";
import type { StoredSegment } from "./entitlement-view.ts";
import type { StatusSnapshot } from "./history-repository.ts";

/**
 * Bulk writes for generated portfolios (the demo seed): rows arrive with their
 * ids already chosen, so parents and children can go in the same batch without
 * reading anything back. Each table is written with multi-row INSERTs of at
 * most `rowsPerStatement` rows; one batch is one transaction.
 */

export interface CustomerRow {
  id: string;
  externalId: string;
  name: string;
}

export interface TenantRow {
  id: string;
  customerId: string;
  name: string;
  domain: string;
  priority: "high" | "medium" | "low";
}

export interface EntitlementRow {
  id: string;
  tenantId: string;
  serviceId: string;
  availableSeats: number;
  stage: "assignment" | "delivery";
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
}

export interface SegmentRow extends StoredSegment {
  entitlementId: string;
  position: number;
}

export interface HistoryRow {
  entitlementId: string;
  at: Date;
  actorId: string | null;
  actorRole: string;
  source: string;
  playbookVersion: string;
  versionAfter: number;
  before: StatusSnapshot;
  after: StatusSnapshot;
}

export interface AssignmentRow {
  id: string;
  userId: string;
  customerId: string | null;
  tenantId: string | null;
  primary: 0 | 1;
}

export interface PortfolioBatch {
  customers: CustomerRow[];
  tenants: TenantRow[];
  entitlements: EntitlementRow[];
  segments: SegmentRow[];
  history: HistoryRow[];
  assignments: AssignmentRow[];
}

export function emptyBatch(): PortfolioBatch {
  return { customers: [], tenants: [], entitlements: [], segments: [], history: [], assignments: [] };
}

/** Rows a batch holds in all, to decide when to flush it. */
export function batchSize(batch: PortfolioBatch): number {
  return (
    batch.customers.length +
    batch.tenants.length +
    batch.entitlements.length +
    batch.segments.length +
    batch.history.length +
    batch.assignments.length
  );
}

/** Rows per INSERT statement. */
const rowsPerStatement = 1000;

const tables = {
  customers,
  tenants,
  entitlements,
  status_segments: statusSegments,
  status_history: statusHistory,
  assignments,
} as const;
export type TableName = keyof typeof tables;

/** One INSERT's worth of rows, already serialised: what crosses from a generating worker to the writer. */
export interface PreparedRows {
  table: TableName;
  /** Row properties (Drizzle column keys) present in every row. */
  keys: string[];
  /** The rows as a JSON array. */
  json: string;
}

export interface PreparedBatch {
  /** In foreign-key order: parents before children. */
  inserts: PreparedRows[];
  counts: Record<keyof PortfolioBatch, number>;
}

/**
 * Serialises a batch for writing. Pure JSON work with no database, so a
 * worker thread can do it while the main thread writes the previous batch.
 */
export function prepareBatch(batch: PortfolioBatch): PreparedBatch {
  const inserts: PreparedRows[] = [];
  const add = (table: TableName, rows: readonly object[]) => inserts.push(...prepareRows(table, rows));
  add("customers", batch.customers);
  add("tenants", batch.tenants);
  add("entitlements", batch.entitlements);
  add("status_segments", batch.segments);
  add("status_history", batch.history);
  add("assignments", batch.assignments);
  return {
    inserts,
    counts: {
      customers: batch.customers.length,
      tenants: batch.tenants.length,
      entitlements: batch.entitlements.length,
      segments: batch.segments.length,
      history: batch.history.length,
      assignments: batch.assignments.length,
    },
  };
}

/** Rows of one table as INSERT-sized JSON chunks; every row must have the keys of the first. */
export function prepareRows(table: TableName, rows: readonly object[]): PreparedRows[] {
  const first = rows[0];
  if (!first) return [];
  const keys = Object.keys(first);
  const prepared: PreparedRows[] = [];
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    prepared.push({ table, keys, json: JSON.stringify(rows.slice(start, start + rowsPerStatement)) });
  }
  return prepared;
}

/** Inserts rows of one table with a few multi-row INSERTs, inside the caller's transaction. */
export async function insertJsonRows(tx: Db, table: TableName, rows: readonly object[]): Promise<void> {
  for (const prepared of prepareRows(table, rows)) await insertRows(tx, prepared);
}

export interface BatchOptions {
  /**
   * Skip foreign-key checks for this batch's transaction (PGlite, where the
   * connection is a superuser): the generator chose every id itself, and the
   * per-row checks cost more than the inserts. Never for data from outside.
   */
  trustedIds?: boolean;
}

/** Writes one batch in one transaction. */
export async function writePortfolioBatch(
  db: Db,
  batch: PortfolioBatch,
  options: BatchOptions = {},
): Promise<void> {
  await writePreparedBatch(db, prepareBatch(batch), options);
}

export async function writePreparedBatch(
  db: Db,
  prepared: PreparedBatch,
  options: BatchOptions = {},
): Promise<void> {
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    if (options.trustedIds) await tx.execute(sql`set local session_replication_role = replica`);
    for (const rows of prepared.inserts) await insertRows(tx, rows);
  });
}

/**
 * A multi-row INSERT that sends its rows as one JSON parameter, expanded by
 * json_to_recordset: far fewer bind parameters to build and parse than a
 * VALUES list, on both drivers. Column names and types come from the Drizzle
 * table (keys it does not know are refused), so the SQL text holds only schema
 * names, never data.
 */
async function insertRows(tx: Db, rows: PreparedRows): Promise<void> {
  const table = tables[rows.table];
  const known = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const columns = rows.keys.map((key) => {
    const column = known[key];
    if (!column) throw new Error(`${rows.table} has no column for "${key}"`);
    return { key, column };
  });
  const target = sql.raw(columns.map(({ column }) => `"${column.name}"`).join(", "));
  const fields = sql.raw(columns.map(({ key }) => `"${key}"`).join(", "));
  const shape = sql.raw(columns.map(({ key, column }) => `"${key}" ${column.getSQLType()}`).join(", "));
  await tx.execute(
    sql`insert into ${table} (${target}) select ${fields} from json_to_recordset(${rows.json}::json) as rows(${shape})`,
  );
}

/** Whether any customer, tenant or entitlement exists. */
export async function hasPortfolio(db: Db): Promise<boolean> {
  const result = (await db.execute(
    sql`select exists (select 1 from ${customers}) or exists (select 1 from ${tenants}) or exists (select 1 from ${entitlements}) as found`,
  )) as unknown as { rows: { found: boolean }[] };
  return result.rows[0]?.found === true;
}

/**
 * Erases the whole portfolio, its status history included, for a demo reset.
 * The history table refuses deletes by trigger (it is the audit trail), so the
 * reset switches that guard off for its own transaction only; nothing else in
 * Unblock does this, and it runs only when the caller asked for a reset.
 */
export async function erasePortfolio(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table status_history disable trigger status_history_no_truncate`);
    await tx.execute(
      sql`truncate table status_history, status_segments, assignments, entitlements, tenants, customers`,
    );
    await tx.execute(sql`alter table status_history enable trigger status_history_no_truncate`);
  });
}
