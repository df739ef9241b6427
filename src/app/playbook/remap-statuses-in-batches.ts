import type { Db } from "../../db/client.ts";
import { pickRemapBatch, type RemapMapping, writeRemapBatch } from "../../db/sql/remap-status-batch-sql.ts";
import { saidError } from "../../domain/app-error.ts";
import type { RemapPlan } from "../../domain/playbook/remap-plan.ts";
import type { AppDeps } from "../app-deps.ts";
import type { WriteContext } from "../audit/record-audit.ts";

export interface RemapHooks {
  /** In a batch's transaction, between picking its statuses and writing them (a test's concurrent edit). */
  afterRead?: (tx: Db, entitlementIds: string[]) => Promise<void>;
  /** Statuses per batch instead of remapBatchSize (a test's several batches of a few). */
  batchSize?: number;
}

export interface RemappedStatuses {
  statuses: number;
  conflictsRetried: number;
}

/**
 * Statuses per batch, each picked and written by one statement and committed
 * on its own. Under the history facts trigger's bulk threshold (20,000 rows a
 * statement), past which the facts would be rebuilt whole on the next read.
 */
export const remapBatchSize = 10000;
/** Passes over the moved values before an apply gives up on statuses that keep changing. */
const maxPasses = 5;

/**
 * Moves every stored status holding a value the plan moves, in batches that
 * commit one by one (docs/PLAYBOOK-VERSIONS.md, "diff and apply"): a reader
 * sees each status either before or after its remap, never blocked, and a
 * writer waits for one batch at most. A batch writes each status only at the
 * version it was picked at (compare-and-set); one edited in between is not
 * written, and the next pass (from the first id again) picks it with its edit.
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
  let after: string | null = null;
  let lost = 0;
  for (let pass = 0; ; ) {
    const done: BatchDone | null | "deadlock" = await oneBatch(deps, batch, after, pass === 0).catch(
      (error: unknown) => {
        // Two writers locking entitlements in different orders: PostgreSQL ends one; the batch goes again.
        if (isDeadlock(error)) return "deadlock" as const;
        throw error;
      },
    );
    if (done === null || done === "deadlock") {
      if (done === null && after === null) return remapped;
      if (done === null) after = null;
      if (++pass === maxPasses) {
        throw saidError("conflict", "playbook_statuses_kept_changing", { count: Math.max(lost, 1) });
      }
      lost = 0;
      continue;
    }
    after = done.last;
    remapped.statuses += done.written;
    remapped.conflictsRetried += done.picked - done.written;
    lost += done.picked - done.written;
  }
}

interface BatchDone {
  last: string;
  picked: number;
  written: number;
}

interface RemapBatch {
  mapping: RemapMapping[];
  actor: { id: string | null; role: string };
  requestId: string | null;
  playbookVersion: string;
  size: number;
  hooks: RemapHooks | undefined;
}

/** Picks and writes the next batch after `after` in a transaction of its own; null when none is left. */
function oneBatch(
  deps: AppDeps,
  batch: RemapBatch,
  after: string | null,
  firstPass: boolean,
): Promise<BatchDone | null> {
  return deps.database.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const picked = await pickRemapBatch(tx, batch.mapping, after, batch.size);
    if (picked.length === 0) return null;
    if (firstPass)
      await batch.hooks?.afterRead?.(
        tx,
        picked.map((pick) => pick.id),
      );
    const written = await writeRemapBatch(tx, { ...batch, picked, now: deps.now() });
    return { last: picked.at(-1)!.id, picked: picked.length, written: written.ids.length };
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
