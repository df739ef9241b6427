import type { Db } from "../../db/client.ts";
import { analyzeTables } from "../../db/infra/table-maintenance.ts";
import {
  pickRemapBatch,
  type RemapMapping,
  type RemapPick,
  writeRemapBatch,
} from "../../db/sql/remap-status-batch-sql.ts";
import { saidError } from "../../domain/app-error.ts";
import type { RemapPlan } from "../../domain/playbook/remap-plan.ts";
import type { AppDeps } from "../app-deps.ts";
import type { WriteContext } from "../audit/record-audit.ts";

export interface RemapHooks {
  /** In a batch's transaction, before writing its picked statuses (a test's concurrent edit). */
  afterRead?: (tx: Db, entitlementIds: string[]) => Promise<void>;
  /** Statuses per batch instead of remapBatchSize (a test's several batches of a few). */
  batchSize?: number;
}

export interface RemappedStatuses {
  statuses: number;
  conflictsRetried: number;
}

/**
 * Statuses per batch, each written by one statement and committed on its own. Under the history facts trigger's bulk threshold (20,000 rows a
 * statement), past which the facts would be rebuilt whole on the next read.
 */
export const remapBatchSize = 10000;
/** Passes over the moved values before an apply gives up on statuses that keep changing. */
const maxPasses = 5;

/**
 * Moves every stored status holding a value the plan moves, in batches that
 * commit one by one (docs/PLAYBOOK-VERSIONS.md, "diff and apply"): a reader
 * sees each status either before or after its remap, never blocked, and a
 * writer waits for one batch at most. A pass picks every status to move (id
 * and version) at once; a batch writes each only at the version it was picked
 * at (compare-and-set); one edited in between is not written, and the next
 * pass picks it with its edit.
 * The loop ends when a pass from the start finds nothing left to move, so an
 * apply killed half-way leaves committed batches and a rerun finishes the rest.
 */
export async function remapStatusesInBatches(
  deps: AppDeps,
  context: WriteContext,
  work: { plan: RemapPlan; playbookVersion: string; hooks?: RemapHooks | undefined },
): Promise<RemappedStatuses> {
  const mapping = remapMapping(work.plan);
  const remapped: RemappedStatuses = { statuses: 0, conflictsRetried: 0 };
  if (mapping.length === 0) return remapped;
  const batch: RemapBatch = {
    mapping,
    actor: { id: context.actor.id || null, role: context.actor.role },
    requestId: context.requestId ?? null,
    playbookVersion: work.playbookVersion,
    size: work.hooks?.batchSize ?? remapBatchSize,
    hooks: work.hooks,
  };
  // Each pass picks every status left to move in one statement, then writes them batch by batch:
  // picking per batch read all the moved value's segments again each time (6 s a batch at 100,000 tenants).
  for (let pass = 0; ; ) {
    const queue = await pickRemapBatch(deps.database.db, mapping, null, Number.MAX_SAFE_INTEGER);
    if (queue.length === 0) return analyzedAfter(deps, remapped);
    if (pass === maxPasses) {
      throw saidError("conflict", "playbook_statuses_kept_changing", { count: queue.length });
    }
    for (let at = 0; at < queue.length; at += batch.size) {
      const picked = queue.slice(at, at + batch.size);
      const done = await oneBatch(deps, batch, picked, pass === 0).catch((error: unknown) => {
        // Two writers locking entitlements in different orders: PostgreSQL ends one; the next pass takes it.
        if (isDeadlock(error)) return 0;
        throw error;
      });
      remapped.statuses += done;
      remapped.conflictsRetried += picked.length - done;
    }
    pass += 1;
  }
}

/**
 * Statistics taken again once statuses moved: the planner still thought the old
 * L2 held them, and a list filtered by the new one walked the whole sort index
 * (45 s at 100,000 tenants after a rename of 131,729 statuses, autovacuum off).
 * ANALYZE samples the tables (about a second) and blocks no reader or writer.
 */
async function analyzedAfter(deps: AppDeps, remapped: RemappedStatuses): Promise<RemappedStatuses> {
  if (remapped.statuses > 0) await analyzeTables(deps.database, remapAnalyzedTables);
  return remapped;
}

const remapAnalyzedTables = ["entitlements", "status_segments", "history_latest", "report_cells"] as const;

interface RemapBatch {
  mapping: RemapMapping[];
  actor: { id: string | null; role: string };
  requestId: string | null;
  playbookVersion: string;
  size: number;
  hooks: RemapHooks | undefined;
}

/** Writes the picked statuses in a transaction of their own; returns how many were written. */
function oneBatch(
  deps: AppDeps,
  batch: RemapBatch,
  picked: RemapPick[],
  firstPass: boolean,
): Promise<number> {
  return deps.database.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    if (firstPass)
      await batch.hooks?.afterRead?.(
        tx,
        picked.map((pick) => pick.id),
      );
    const written = await writeRemapBatch(tx, { ...batch, picked, now: deps.now() });
    return written.ids.length;
  });
}

function isDeadlock(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if ((cause as Error & { code?: unknown }).code === "40P01") return true;
  }
  return false;
}

/** The plan's moved status groups as a table: each value on its service and where it goes. */
function remapMapping(plan: RemapPlan): RemapMapping[] {
  return plan.moves
    .filter((move) => move.statuses > 0 && move.serviceId !== null && move.value.l2 !== null)
    .filter((move) => move.to.l2 !== move.value.l2 || (move.to.l3 ?? null) !== (move.value.l3 ?? null))
    .map((move) => ({
      l1: move.value.l1,
      l2: move.value.l2!,
      l3: move.value.l3 ?? null,
      serviceId: move.serviceId!,
      toL2: move.to.l2 ?? null,
      toL3: move.to.l3 ?? null,
    }));
}
