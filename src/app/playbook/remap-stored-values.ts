import type { Db } from "../../db/client.ts";
import {
  type LockedEntitlement,
  loadEntitlementViews,
  lockedOf,
  type StatusWrite,
} from "../../db/repositories/entitlement-repository.ts";
import {
  insertPlaybookVersion,
  type PlaybookVersionRecord,
} from "../../db/repositories/playbook-version-repository.ts";
import {
  entitlementIdsWith,
  setWorkItemValue,
  workItemValues,
} from "../../db/repositories/taxonomy-usage-repository.ts";
import { writeStatuses } from "../../db/sql/status-write-statement.ts";
import { saidError } from "../../domain/app-error.ts";
import type { RemapPlan } from "../../domain/playbook/remap-plan.ts";
import { remapValue } from "../../domain/playbook/taxonomy-remap.ts";
import type { EntitlementView } from "../../http/schemas/entitlements.ts";
import type { PlaybookChangeReport } from "../../http/schemas/playbook-versions.ts";
import type { AppDeps } from "../app-deps.ts";
import type { WriteContext } from "../audit/record-audit.ts";
import type { LoadedPlaybook } from "./load-playbook.ts";
import { moveKeys } from "./playbook-change-report.ts";

export interface RemapHooks {
  /** Between reading a batch of statuses and writing them (a test's concurrent edit goes here). */
  afterRead?: (tx: Db, entitlementIds: string[]) => Promise<void>;
}

export interface Remapped {
  statuses: number;
  workItems: number;
  conflictsRetried: number;
}

/**
 * Statuses per statement: 100,000 make 50 statements in one transaction,
 * 38 s on the PostgreSQL server (500 a statement took 58 s).
 */
const batchSize = 2000;
/** Rounds a batch's lost writes are read again before the apply gives up (and rolls back). */
const maxRounds = 5;

/**
 * Moves every stored status and work item the plan moves, inside the apply's
 * transaction. Each entitlement is written as read (writeStatuses: version
 * compare-and-set, history row with source `remap`); one changed by someone
 * else since is read again with their change and remapped, never overwritten.
 */
export async function remapStoredValues(
  tx: Db,
  deps: AppDeps,
  context: WriteContext,
  work: { plan: RemapPlan; candidate: LoadedPlaybook; hooks?: RemapHooks | undefined },
): Promise<Remapped> {
  const keys = moveKeys(work.plan).filter((key) => key.key === "all");
  const ids = await entitlementIdsWith(tx, keys);
  const remapped: Remapped = { statuses: 0, workItems: 0, conflictsRetried: 0 };
  for (let start = 0; start < ids.length; start += batchSize) {
    let pending = ids.slice(start, start + batchSize);
    for (let round = 0; pending.length > 0; round++) {
      if (round === maxRounds) {
        throw saidError("conflict", "playbook_statuses_kept_changing", { count: pending.length });
      }
      const views = await loadEntitlementViews(tx, pending);
      if (round === 0) await work.hooks?.afterRead?.(tx, pending);
      const writes = views.flatMap((view) => remapWrite(deps, context, work, view));
      const written = await writeStatuses(tx, writes);
      remapped.statuses += written.size;
      pending = writes.filter((write) => !written.has(write.locked.id)).map((write) => write.locked.id);
      remapped.conflictsRetried += pending.length;
    }
  }
  remapped.workItems = await remapWorkItems(tx, deps, work.plan);
  return remapped;
}

/** The entitlement's status with its segments moved, or nothing when no segment moves (any more). */
function remapWrite(
  deps: AppDeps,
  context: WriteContext,
  work: { plan: RemapPlan; candidate: LoadedPlaybook },
  view: EntitlementView,
): StatusWrite[] {
  const locked: LockedEntitlement = lockedOf(view);
  let moved = false;
  const segments = view.segments.map((segment) => {
    const value = { l1: segment.l1, l2: segment.l2, l3: segment.l3 };
    const trace = remapValue(work.plan.changes, value, view.service.id);
    if (trace.applied.length === 0) return segment;
    moved = true;
    return { ...segment, l1: trace.value.l1, l2: trace.value.l2, l3: trace.value.l3 };
  });
  if (!moved) return [];
  return [
    {
      locked,
      stage: view.stage,
      segments,
      actor: { id: context.actor.id || null, role: context.actor.role },
      source: "remap",
      requestId: context.requestId ?? null,
      playbookVersion: work.candidate.playbook.version,
      now: deps.now(),
    },
  ];
}

/** Work items follow their L2/L3 (compare-and-set on their version, like an edit). */
async function remapWorkItems(tx: Db, deps: AppDeps, plan: RemapPlan): Promise<number> {
  let moved = 0;
  for (const item of await workItemValues(tx)) {
    const serviceId = item.serviceIds.length === 1 ? item.serviceIds[0]! : null;
    const trace = remapValue(plan.changes, { l1: "blocked", l2: item.l2, l3: item.l3 }, serviceId);
    if (trace.applied.length === 0 || trace.value.l2 === null) continue;
    if (!(await setWorkItemValue(tx, item, { l2: trace.value.l2, l3: trace.value.l3 }, deps.now()))) {
      throw saidError("conflict", "playbook_work_item_changed");
    }
    moved++;
  }
  return moved;
}

/** The version row of an apply: the file, who applied it from where, and what each change moved. */
export function recordAppliedVersion(
  tx: Db,
  deps: AppDeps,
  context: WriteContext,
  applied: { candidate: LoadedPlaybook; report: PlaybookChangeReport; remapped: Remapped },
): Promise<PlaybookVersionRecord> {
  const { candidate, report, remapped } = applied;
  return insertPlaybookVersion(tx, {
    playbookId: candidate.playbook.id,
    version: candidate.playbook.version,
    sha256: candidate.sha256,
    effectiveAt: deps.now(),
    appliedBy: context.actor.id || null,
    appliedByEmail: context.actor.email,
    source: context.source,
    path: candidate.path,
    changes: report.changes,
    remappedStatuses: remapped.statuses,
    content: candidate.text,
  });
}
