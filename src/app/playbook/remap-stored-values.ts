import type { Db } from "../../db/client.ts";
import {
  insertPlaybookVersion,
  type PlaybookVersionRecord,
} from "../../db/repositories/playbook-version-repository.ts";
import { setWorkItemValue, workItemValues } from "../../db/repositories/taxonomy-usage-repository.ts";
import { saidError } from "../../domain/app-error.ts";
import type { RemapPlan } from "../../domain/playbook/remap-plan.ts";
import { remapValue } from "../../domain/playbook/taxonomy-remap.ts";
import type { PlaybookChangeReport } from "../../http/schemas/playbook-versions.ts";
import type { AppDeps } from "../app-deps.ts";
import type { WriteContext } from "../audit/record-audit.ts";
import type { LoadedPlaybook } from "./load-playbook.ts";
import type { RemappedStatuses } from "./remap-statuses-in-batches.ts";

/**
 * What an apply moved: the statuses (remap-statuses-in-batches.ts, committed
 * batch by batch before) and the work items (in the transaction that records
 * the version).
 */
export interface Remapped extends RemappedStatuses {
  workItems: number;
}

/** Work items follow their L2/L3 (compare-and-set on their version, like an edit). */
export async function remapWorkItems(tx: Db, deps: AppDeps, plan: RemapPlan): Promise<number> {
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
