import { getTableColumns, sql } from "drizzle-orm";
import { AppError } from "../../domain/app-error.ts";
import type { StatusSnapshot, StoredSegment } from "../../http/schemas/entitlements.ts";
import type { BulkSession, Database, Db } from "../client.ts";
import { copyBytes } from "../infra/copy-text.ts";
import { deferSecondaryIndexes, finishDeferredIndexes } from "../infra/deferred-indexes.ts";
import { assignments, customers, entitlements, statusHistory, statusSegments, tenants } from "../schema.ts";
import { segmentSummary } from "../sql/segment-summary.ts";

/**
 * Bulk writes for generated portfolios (the demo seed): rows arrive with their
 * ids already chosen, so parents and children can go in the same batch without
 * reading anything back. A seed loads its batches with COPY in one transaction
 * (loadPortfolio).
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
  /** Chosen by the generator (in the order rows are written) rather than left to gen_random_uuid(). */
  id?: string;
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

const tables = {
  customers,
  tenants,
  entitlements,
  status_segments: statusSegments,
  status_history: statusHistory,
  assignments,
} as const;
export type TableName = keyof typeof tables;

/** One table's rows of a batch in COPY text: what crosses from a generating worker to the writer. */
export interface PreparedCopy {
  table: TableName;
  /** Column names in the database, in the order of each line's fields. */
  columns: string[];
  /** The COPY text, UTF-8 encoded (copyBytes); its ArrayBuffer can be transferred to another thread. */
  data: Uint8Array<ArrayBuffer>;
}

export interface PreparedBatch {
  /** In foreign-key order: parents before children. */
  copies: PreparedCopy[];
  counts: Record<keyof PortfolioBatch, number>;
}

/**
 * Serialises a batch for loading. Pure text work with no database, so a
 * worker thread can do it while the main thread loads the previous batch.
 * Entitlements carry their segment summaries, so the summary triggers find
 * nothing to correct.
 */
export function prepareBatch(batch: PortfolioBatch): PreparedBatch {
  const copies: PreparedCopy[] = [];
  const add = (table: TableName, rows: readonly object[]) => {
    const copy = prepareCopy(table, rows);
    if (copy) copies.push(copy);
  };
  add("customers", batch.customers);
  add("tenants", batch.tenants);
  add("entitlements", withSummaries(batch.entitlements, batch.segments));
  add("status_segments", batch.segments);
  add("status_history", batch.history);
  add("assignments", batch.assignments);
  return {
    copies,
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

/** Rows of one table as COPY text; every row must have the keys of the first (Drizzle column keys). */
export function prepareCopy(table: TableName, rows: readonly object[]): PreparedCopy | null {
  const first = rows[0];
  if (!first) return null;
  const keys = Object.keys(first);
  const known = getTableColumns(tables[table]) as Record<string, { name: string }>;
  const columns = keys.map((key) => {
    const column = known[key];
    if (!column) throw new Error(`${table} has no column for "${key}"`);
    return column.name;
  });
  return { table, columns, data: copyBytes(rows as readonly Record<string, unknown>[], keys) };
}

/** The summaries the segment triggers keep on entitlements, computed from the batch's own segments. */
function withSummaries(rows: readonly EntitlementRow[], segments: readonly SegmentRow[]) {
  const byEntitlement = new Map<string, SegmentRow[]>();
  for (const segment of segments) {
    const list = byEntitlement.get(segment.entitlementId) ?? [];
    list.push(segment);
    byEntitlement.set(segment.entitlementId, list);
  }
  // Object.assign rather than a spread: several times faster in V8 for rows this wide.
  return rows.map((row) =>
    Object.assign({}, row, segmentSummary(row.serviceId, byEntitlement.get(row.id) ?? [])),
  );
}

export interface LoadOptions {
  /**
   * The generator chose every id, so foreign-key checks may be skipped for
   * the load (when the connection may: PGlite, or a superuser on the server).
   * Never for data from outside.
   */
  trustedIds: boolean;
  /**
   * Drop the secondary indexes of the portfolio tables for the load and build
   * them again at the end: one sorted build beats millions of index inserts.
   * The tables are locked until the load commits, and searched without those
   * indexes until they are built; for seeding an empty database.
   */
  deferIndexes: boolean;
  /**
   * The portfolio tables are empty (a new database, or one just erased): the
   * load truncates them in its own transaction, after checking under that lock
   * that they still are, so that COPY may write the rows frozen and their
   * pages all-visible. Otherwise the first scan of each page (the index builds,
   * for a large seed) writes it again to note that its rows committed, and only
   * a vacuum marks it visible to all, which index-only scans need. It does not
   * make the seed faster (105.3 s with it, 103.3 s without, docs/PERFORMANCE.md).
   */
  freeze?: boolean;
  /** Called after each batch is loaded. */
  onBatch?: (batch: PreparedBatch) => void;
  /** Called when the deferred indexes start building (built 0) and after each one. */
  onIndexes?: (progress: { built: number; total: number }) => void;
}

/**
 * Insert triggers a large load switches off: the segment summaries and report
 * cells (drizzle/0004, 0005) and the weekly Blocked history (0005).
 */
const loadTriggers = [
  ["status_segments", "status_segments_summary_insert"],
  // Marks every loaded entitlement's notes for note_search, which the load fills in one pass instead.
  ["status_segments", "status_segments_notes_insert"],
  ["status_history", "status_history_weeks"],
  // History facts (0024): followed per COPY batch they cost more with every batch (a 3,000-tenant
  // seed took 106 s instead of a few); rebuilt once after the load instead.
  ["status_history", "status_history_facts"],
] as const;

const portfolioTables = [
  "customers",
  "tenants",
  "entitlements",
  "status_segments",
  "status_history",
  "assignments",
  // The free-text search's notes (drizzle/0025): filled from the loaded segments.
  "note_search",
  "note_search_pending",
  // Not loaded by the seed, but it references tenants: a truncate must take it along.
  "usage_points",
  // Inbox rows point at entitlements; on an empty portfolio there are none to keep.
  "notifications",
  // These point at entitlements too (the quality queue's, the roadmap's, escalations).
  "quality_note_checks",
  "next_action_overdue_raised",
  "recheck_items",
  "escalation_events",
  "escalations",
];

/**
 * Loads generated batches with COPY, all in one transaction: a failed load
 * leaves nothing behind. With `deferIndexes` the secondary indexes are dropped
 * in that transaction and owed in deferred_indexes; once the rows commit they
 * are built on two connections at once (the trigram index on notes beside all
 * the others), and an interrupted build is finished at the next start.
 */
export async function loadPortfolio(
  database: Database,
  batches: Iterable<PreparedBatch> | AsyncIterable<PreparedBatch>,
  options: LoadOptions,
): Promise<void> {
  const deferred = await database.bulkLoad(async (session) => {
    if (options.trustedIds && (await maySkipChecks(session))) {
      await session.execute("set local session_replication_role = replica");
    }
    if (options.freeze) await truncateEmptyPortfolio(session);
    const deferred = options.deferIndexes ? await deferSecondaryIndexes(session, portfolioTables) : 0;
    // The batches carry their entitlements' segment summaries (prepareBatch), and the report
    // aggregates are rebuilt in one pass afterwards, so the triggers that would maintain both per
    // COPY are switched off for this transaction only (the DDL rolls back with it).
    if (options.deferIndexes) {
      for (const [table, trigger] of loadTriggers)
        await session.execute(`alter table ${table} disable trigger ${trigger}`);
    }
    for await (const batch of batches) {
      for (const copy of batch.copies) {
        await session.copy(copy.table, copy.columns, copy.data, { freeze: options.freeze ?? false });
      }
      options.onBatch?.(batch);
    }
    if (options.deferIndexes) {
      for (const [table, trigger] of loadTriggers) {
        await session.execute(`alter table ${table} enable always trigger ${trigger}`);
      }
      // The first report rebuilds them from the loaded rows.
      await session.execute("update report_state set stale = true where name in ('cells', 'weeks')");
      await session.execute("update history_fact_state set stale = true where name = 'facts'");
      await session.execute(
        `insert into note_search (entitlement_id, notes)
         select entitlement_id, string_agg(note, E'\n' order by position) from status_segments
          where note <> '' and entitlement_id not in (select entitlement_id from note_search)
          group by entitlement_id
         on conflict (entitlement_id) do update set notes = excluded.notes`,
      );
    }
    return deferred;
  });
  if (deferred > 0) {
    let built = 0;
    options.onIndexes?.({ built, total: deferred });
    await finishDeferredIndexes(database, {
      onIndex: () => options.onIndexes?.({ built: ++built, total: deferred }),
    });
  }
  // Fresh statistics: the planner's choices for the lists and reports depend on them (and
  // expression indexes get theirs only once they exist).
  await database.execute(`analyze ${portfolioTables.join(", ")}`);
  // One set-based pass over the loaded history, so the first report after a seed does not wait on it.
  if (options.deferIndexes) await database.execute("select unblock_rebuild_history_facts()");
}

/**
 * Truncates the portfolio tables in the load's transaction (what lets COPY
 * freeze), refusing when another process has written a portfolio since the
 * caller found none: the load adds rows, it never erases any.
 */
async function truncateEmptyPortfolio(session: BulkSession): Promise<void> {
  const tables = portfolioTables.join(", ");
  await session.execute(`lock table ${tables} in access exclusive mode`);
  const { rows } = await session.execute(
    `select ${portfolioTables.map((table) => `exists (select 1 from ${table})`).join(" or ")} as found`,
  );
  if (rows[0]?.found === true) {
    throw new AppError("conflict", "Another process wrote a portfolio while this one was being seeded.");
  }
  // The history refuses TRUNCATE by trigger; these tables are empty, so nothing of it is lost.
  await session.execute("alter table status_history disable trigger status_history_no_truncate");
  await session.execute(`truncate table ${tables}`);
  await session.execute("alter table status_history enable trigger status_history_no_truncate");
}

/** Skipping foreign-key triggers (session_replication_role) takes a superuser. */
async function maySkipChecks(session: BulkSession): Promise<boolean> {
  const { rows } = await session.execute("select current_setting('is_superuser') = 'on' as superuser");
  return rows[0]?.superuser === true;
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
      sql`truncate table status_history, status_segments, assignments, usage_points, notifications, entitlements, tenants, customers,
        quality_note_checks, next_action_overdue_raised, recheck_items, escalation_events, escalations,
        note_search, note_search_pending,
        report_cells, report_cell_deltas, report_cell_tenants, blocked_weeks, blocked_week_deltas,
        history_latest, history_tenant_blocked`,
    );
    // Empty aggregates are current for an empty portfolio.
    await tx.execute(sql`update report_state set stale = false where name in ('cells', 'weeks')`);
    // The history facts, their month checkpoints and dwell tallies, rebuilt from the now empty
    // history: a seed --reset would otherwise count the erased portfolio's spells beside its own.
    await tx.execute(sql`select unblock_rebuild_history_facts()`);
    await tx.execute(sql`alter table status_history enable trigger status_history_no_truncate`);
  });
}
