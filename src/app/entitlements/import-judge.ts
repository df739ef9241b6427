import type { Db } from "../../db/client.ts";
import { applyStatuses } from "../../db/repositories/bulk-status-repository.ts";
import type { LockedEntitlement } from "../../db/repositories/entitlement-repository.ts";
import { loadImportTargets } from "../../db/repositories/import-target-repository.ts";
import type { CsvRowError } from "../../domain/csv/csv-row-error.ts";
import { entitlementKey, type RowGroups } from "../../domain/csv/group-status-rows.ts";
import { type ImportPlan, planStatusImport } from "../../domain/csv/plan-status-import.ts";
import { type Actor, type AppDeps, todayOf } from "../app-deps.ts";
import { importAccessOf } from "../auth/import-access.ts";
import { indexFor } from "../playbook/playbook-translations.ts";
import { resolveImportOwners } from "./import-owners.ts";

/** Services judged, and then written, at a time. */
const chunkSize = 1000;

export type ImportChanges = ImportPlan<LockedEntitlement>["changes"];

export interface ImportJudging {
  actor: Actor;
  dryRun: boolean;
  updateSeats: boolean;
  onChecked: (done: number, total: number) => void;
  /**
   * Called with each chunk's changes and every error found so far; returns
   * the chunk's write, or null to write nothing. The write runs while the
   * next chunk is judged, so that the rules (JavaScript) and the writes
   * (PostgreSQL) keep both cores busy.
   */
  write?: (changes: ImportChanges, errorsSoFar: number) => Promise<void> | null;
}

/**
 * Plans the file against the stored entitlements (locked unless a dry run)
 * and the actor's rights, a chunk of services at a time: tenants it may not
 * know of read as unknown, changes it may not write become row errors.
 * Resolves once every chunk is judged and every write started has finished.
 */
export async function judgeImport(
  deps: AppDeps,
  tx: Db,
  file: RowGroups,
  judging: ImportJudging,
): Promise<{ plan: ImportPlan<LockedEntitlement>; errors: CsvRowError[] }> {
  const { groups } = file;
  const domains = groups.map((group) => group.tenantDomain);
  const targets = await loadImportTargets(tx, {
    tenantDomains: domains,
    serviceIds: groups.map((group) => group.serviceId),
    lock: !judging.dryRun,
  });
  judging.onChecked(0, groups.length);
  const access = await importAccessOf(deps, tx, judging.actor, domains);
  const plan: ImportPlan<LockedEntitlement> = { changes: [], unchanged: 0, refused: 0, errors: [] };
  // Parallel only on a server: the embedded database runs on this thread, so nothing would overlap.
  const overlap = deps.database.kind === "postgres";
  let writing: Promise<void> = Promise.resolve();
  for (let start = 0; start < groups.length; start += chunkSize) {
    const part = planStatusImport({
      // The rules' sentences in the importer's language; names in the file still read in English.
      index: indexFor(deps, judging.actor),
      actorRole: judging.actor.role,
      today: todayOf(deps.now()),
      updateSeats: judging.updateSeats,
      groups: groups.slice(start, start + chunkSize),
      lookup: {
        tenantExists: (domain) => targets.tenantDomains.has(domain) && !access.hidden(domain),
        entitlement: (domain, serviceId) =>
          access.hidden(domain) ? undefined : targets.entitlements.get(entitlementKey(domain, serviceId)),
      },
    });
    access.refuseUnauthorised(part);
    // A failed write aborts the transaction and so these reads: report the write's error, not theirs.
    part.errors.push(
      ...(await resolveImportOwners(deps, tx, part).catch((error) =>
        writing.then(() => Promise.reject(error)),
      )),
    );
    plan.changes.push(...part.changes);
    plan.unchanged += part.unchanged;
    plan.refused += part.refused;
    plan.errors.push(...part.errors);
    const changes = part.changes;
    writing = writing.then(() => judging.write?.(changes, plan.errors.length) ?? undefined);
    // Handled here, awaited below: a failed write must not count as unhandled while judging goes on.
    writing.catch(() => undefined);
    if (!overlap) await writing;
    judging.onChecked(Math.min(groups.length, start + chunkSize), groups.length);
  }
  await writing;
  return { plan, errors: plan.errors };
}

/** Writes one chunk's changes as the import's (source `import`, one time for all), in the caller's transaction. */
export function writeImportChanges(
  deps: AppDeps,
  tx: Db,
  stamp: { actor: Actor; now: Date },
  changes: ImportChanges,
): Promise<void> {
  const { actor, now } = stamp;
  const writes = changes.map((change) => ({
    locked: change.before,
    stage: change.stage,
    availableSeats: change.availableSeats,
    segments: change.segments,
    actor: { id: actor.id || null, role: actor.role },
    source: "import" as const,
    requestId: null,
    playbookVersion: deps.playbook.index.playbook.version,
    now,
  }));
  return applyStatuses(tx, writes);
}
