import type { Db } from "../../db/client.ts";
import {
  collectValueSegments,
  countByKey,
  sampleSegmentsWith,
  statusValueGroups,
  statusValues,
  type ValueKey,
  workItemValues,
} from "../../db/repositories/taxonomy-usage-repository.ts";
import { diffPlaybooks } from "../../domain/playbook/playbook-diff.ts";
import type { Playbook } from "../../domain/playbook/playbook-schema.ts";
import {
  planConcerns,
  planRemap,
  type RemapPlan,
  type StoredGroup,
} from "../../domain/playbook/remap-plan.ts";
import type { TaxonomyValue } from "../../domain/playbook/taxonomy-remap.ts";
import { changesBetween, remapValue, taxonomyPath } from "../../domain/playbook/taxonomy-remap.ts";
import type { PlaybookChangeReport } from "../../http/schemas/playbook-versions.ts";
import type { LoadedPlaybook } from "./load-playbook.ts";

/** Two playbooks to compare: the one the stored statuses follow, and a new one. */
export interface ComparedPlaybooks {
  from: { playbook: Playbook; sha256: string | null; path: string | null } | null;
  /** The version the stored statuses were judged by: the new file's changes declared after it apply. */
  fromVersion: string | null;
  to: LoadedPlaybook;
}

/**
 * The stored values: statuses per value and service, and each work item (its
 * one service, if one). Statuses only of the values `concerns` accepts
 * (planConcerns): the others' need not be counted. Their segments stay
 * collected for countByKey and sampleSegmentsWith until the transaction it
 * must be called in ends.
 */
export async function storedGroups(
  db: Db,
  concerns: (value: TaxonomyValue) => boolean,
): Promise<StoredGroup[]> {
  await collectValueSegments(db, (await statusValues(db)).filter(concerns));
  const statuses = (await statusValueGroups(db)).map((group) => ({
    value: { l1: group.l1, l2: group.l2, l3: group.l3 },
    serviceId: group.serviceId,
    statuses: group.statuses,
    seats: group.seats,
    workItems: 0,
  }));
  const items = (await workItemValues(db)).map((item) => ({
    value: { l1: "blocked", l2: item.l2, l3: item.l3 },
    serviceId: item.serviceIds.length === 1 ? item.serviceIds[0]! : null,
    statuses: 0,
    seats: 0,
    workItems: 1,
  }));
  return [...statuses, ...items];
}

/**
 * What moving the stored values to `to` would do, counted in the database:
 * each declared change with the statuses, seats and work items it moves, the
 * L2s and L3s that differ from `from`, the values left without a mapping, and
 * a sample of the segments moved. Reads only. Returns the plan too, so apply
 * moves exactly what was counted.
 */
export function playbookChangeReport(
  db: Db,
  compared: ComparedPlaybooks,
): Promise<{ report: PlaybookChangeReport; plan: RemapPlan }> {
  // One transaction: the segments storedGroups collects are read again by the counts and the sample.
  return db.transaction((transaction) => changeReport(transaction as unknown as Db, compared));
}

async function changeReport(
  db: Db,
  compared: ComparedPlaybooks,
): Promise<{ report: PlaybookChangeReport; plan: RemapPlan }> {
  const next = compared.to.playbook;
  const pending = changesBetween(next.changes ?? [], compared.fromVersion, next.version);
  const differences = compared.from ? diffPlaybooks(compared.from.playbook, next).differences : [];
  const concerns = planConcerns(
    compared.to.index,
    pending,
    differences.map((difference) => difference.path),
  );
  const groups = await storedGroups(db, concerns);
  const plan = planRemap(compared.to.index, pending, groups);
  const keys = moveKeys(plan);
  const counts = await countByKey(db, keys);
  const changes = pending.map((change, i) => ({
    change,
    statuses: counts.get(`c${i}`)?.statuses ?? 0,
    seats: counts.get(`c${i}`)?.seats ?? 0,
    workItems: plan.moves.filter((move) => move.applied.includes(i)).reduce((sum, m) => sum + m.workItems, 0),
  }));
  const all = keys.filter((key) => key.key === "all");
  const sample = (await sampleSegmentsWith(db, all, 20)).map((row) => {
    const value = { l1: row.l1, l2: row.l2, l3: row.l3 };
    return {
      entitlementId: row.entitlementId,
      customer: row.customer,
      tenant: row.tenant,
      serviceId: row.serviceId,
      from: taxonomyPath(value),
      to: taxonomyPath(remapValue(pending, value, row.serviceId).value),
      seats: row.seats,
    };
  });
  const report: PlaybookChangeReport = {
    from: compared.from
      ? {
          id: compared.from.playbook.id,
          version: compared.from.playbook.version,
          sha256: compared.from.sha256,
          path: compared.from.path,
        }
      : null,
    to: { id: next.id, version: next.version, sha256: compared.to.sha256, path: compared.to.path },
    changes,
    differences: differencesWithCounts(compared, groups),
    orphans: plan.orphans,
    remappedStatuses: counts.get("all")?.statuses ?? 0,
    remappedWorkItems: plan.moves.reduce((sum, move) => sum + move.workItems, 0),
    sample,
  };
  return { report, plan };
}

/** The moved status groups as keys: one per change that moves them (c<i>), and "all". */
export function moveKeys(plan: RemapPlan): ValueKey[] {
  const keys: ValueKey[] = [];
  for (const move of plan.moves) {
    const { l1, l2, l3 } = move.value;
    if (move.statuses === 0 || move.serviceId === null || l2 === null) continue;
    const base = { l1, l2, l3, serviceId: move.serviceId };
    keys.push({ ...base, key: "all" }, ...move.applied.map((i) => ({ ...base, key: `c${i}` })));
  }
  return keys;
}

function differencesWithCounts(compared: ComparedPlaybooks, groups: readonly StoredGroup[]) {
  if (!compared.from) return [];
  const { differences } = diffPlaybooks(compared.from.playbook, compared.to.playbook);
  return differences.map((difference) => {
    const holding = groups.filter((group) => {
      const path = taxonomyPath(group.value);
      return path === difference.path || path.startsWith(`${difference.path}/`);
    });
    return {
      ...difference,
      statuses: holding.reduce((sum, group) => sum + group.statuses, 0),
      seats: holding.reduce((sum, group) => sum + group.seats, 0),
    };
  });
}
