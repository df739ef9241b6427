import { sql } from "drizzle-orm";
import type { AppDeps } from "../../src/app/app-deps.ts";
import { todayOf } from "../../src/app/app-deps.ts";
import { loadEntitlementViews } from "../../src/db/repositories/entitlement-repository.ts";
import { rowsOf } from "../../src/db/repositories/raw-rows.ts";
import { evaluateStatus } from "../../src/domain/rules/evaluate-status.ts";
import type { ProposedSegment } from "../../src/domain/status-segment.ts";

const checkedAgain = / ?Checked again by the benchmark \([^)]*\)\./g;

/** One status change ready to send: the entitlement, the version read, the new segments. */
export interface PlannedWrite {
  id: string;
  body: { version: number; segments: ProposedSegment[] };
}

/**
 * Status changes the playbook rules accept today, one per entitlement: the
 * current segments with a new note, which makes each a real change (a segment
 * restated as it is writes nothing). Entitlements are taken in id order, which
 * is random across customers and services; those whose stored status the rules
 * would not accept again today (a target date now past) are skipped.
 */
export async function planWrites(deps: AppDeps, actorRole: string, count: number): Promise<PlannedWrite[]> {
  const planned: PlannedWrite[] = [];
  const today = todayOf(deps.now());
  let after = "00000000-0000-0000-0000-000000000000";
  while (planned.length < count) {
    const ids = (
      await rowsOf<{ id: string }>(
        deps.database.db,
        sql`select id::text as id from entitlements where id > ${after}::uuid order by id limit 1000`,
      )
    ).map((row) => row.id);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    for (const view of await loadEntitlementViews(deps.database.db, ids)) {
      const segments: ProposedSegment[] = view.segments.map(({ l1Since: _since, ...segment }, position) => ({
        ...segment,
        // The suffix replaces an earlier run's: notes that grew with every run would make runs incomparable.
        note: `${(segment.note ?? "").replace(checkedAgain, "")} Checked again by the benchmark (${planned.length}.${position}).`.trim(),
      }));
      const decision = evaluateStatus({
        index: deps.playbook.index,
        serviceId: view.service.id,
        stage: view.stage,
        actorRole,
        availableSeats: view.availableSeats,
        previous: view.segments,
        proposed: segments,
        today,
      });
      if (decision.ok) planned.push({ id: view.id, body: { version: view.version, segments } });
      if (planned.length >= count) break;
    }
  }
  return planned;
}
