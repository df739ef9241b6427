import type { Database } from "../../db/client.ts";
import { replicaFreshness } from "../../db/infra/replica-freshness.ts";
import type { AppDeps } from "../app-deps.ts";

export interface ReplicaLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

/**
 * A streaming replica that reports and exports read from (DATABASE_REPLICA_URL,
 * docs/SCALING.md). Writes, and reads a user expects to show their own change
 * at once (lists, an entitlement, an import's reads), never come here.
 */
export interface ReplicaReads {
  database: Database;
  /** Older than this (UNBLOCK_REPLICA_MAX_LAG_MS) and reads go to the primary. */
  maxLagMs: number;
  /** Set by `unblock serve` to the server's logger; the CLI's writes warnings to standard error. */
  log: ReplicaLog;
  /** Where the last read went: a change is logged, not every read. */
  lastTarget?: "replica" | "primary";
}

export type ReadPurpose = "report" | "export";

/**
 * The database a report or an export reads: the replica when one is set and
 * no more than maxLagMs behind the primary, else the primary. Whenever the
 * choice changes the log says so, with the lag or the reason.
 */
export async function readDatabaseFor(deps: AppDeps, purpose: ReadPurpose): Promise<Database> {
  const replica = deps.replica;
  if (!replica) return deps.database;
  const freshness = await replicaFreshness(deps.database, replica.database).catch((error: unknown) => ({
    usable: false as const,
    lagMs: null,
    reason: `the replica did not answer: ${error instanceof Error ? error.message : String(error)}`,
  }));
  const fresh = freshness.usable && freshness.lagMs !== null && freshness.lagMs <= replica.maxLagMs;
  const target = fresh ? "replica" : "primary";
  if (target !== replica.lastTarget) {
    const detail = { purpose, lagMs: freshness.lagMs, maxLagMs: replica.maxLagMs };
    if (fresh) replica.log.info(detail, "reports and exports read from the replica");
    else {
      const reason = freshness.usable
        ? `it is ${Math.round(freshness.lagMs ?? 0)} ms behind`
        : freshness.reason;
      replica.log.warn({ ...detail, reason }, `reading from the primary: ${reason}`);
    }
    replica.lastTarget = target;
  }
  return fresh ? replica.database : deps.database;
}

/**
 * Runs a read on readDatabaseFor's choice. The report aggregates are kept by
 * their readers (a rebuild after a seed, a fold of many deltas, docs/SCALING.md),
 * which a standby refuses as a write: such a read is run again on the primary,
 * which does that upkeep, and the replica has it moments later.
 */
export async function readOnReplica<T>(
  deps: AppDeps,
  purpose: ReadPurpose,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await readDatabaseFor(deps, purpose);
  if (database === deps.database) return work(database);
  try {
    return await work(database);
  } catch (error) {
    if (!isReadOnlyRefusal(error)) throw error;
    deps.replica?.log.info({ purpose }, "the replica cannot keep the report aggregates: read on the primary");
    return work(deps.database);
  }
}

/** SQLSTATE 25006, read_only_sql_transaction, on the error or what it wraps (Drizzle wraps the driver's). */
function isReadOnlyRefusal(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if ((cause as { code?: unknown }).code === "25006") return true;
  }
  return false;
}
