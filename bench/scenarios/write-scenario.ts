import { sql } from "drizzle-orm";
import type { AppDeps } from "../../src/app/app-deps.ts";
import { todayOf } from "../../src/app/app-deps.ts";
import { rowsOf } from "../../src/db/infra/raw-rows.ts";
import { loadEntitlementViews } from "../../src/db/repositories/entitlement-repository.ts";
import { evaluateStatus } from "../../src/domain/rules/evaluate-status.ts";
import type { ProposedSegment } from "../../src/domain/status-segment.ts";

const checkedAgain = / ?Checked again by the benchmark \([^)]*\)\./g;
/**
 * Tells this run's notes from the last run's: a note equal to the stored one
 * is no change, and the API writes nothing for it (no row, no history), so a
 * run that wrote the last run's notes again would time writes that write
 * nothing. Runs did, on the working set, before the stamp.
 */
export const benchRun = Date.now().toString(36);

/** One status change ready to send: the entitlement, the version read, the new segments. */
export interface PlannedWrite {
  id: string;
  body: { version: number; segments: ProposedSegment[] };
}

/**
 * Status changes the playbook rules accept today, one per entitlement: the
 * current segments with a new note, which makes each a real change (a segment
 * restated as it is writes nothing). Those whose stored status the rules would
 * not accept again today (a target date now past) are skipped.
 *
 * Two sets, since where the writes land decides what they cost:
 * - "working set": the first entitlements in id order (random across customers
 *   and services), the same ones every run, as a team revisits its own
 *   portfolio: their pages stay in PostgreSQL's buffers;
 * - "spread": entitlements sampled at random from the whole portfolio, other
 *   ones every run, each write touching pages no recent write touched (three
 *   tables, about twenty indexes): with 128 MB of shared buffers against a 4 GB database,
 *   most of them are read in from the operating system's cache first.
 * `exclude` keeps the two apart (a write planned twice would be stale the second time).
 */
export async function planWrites(
  deps: AppDeps,
  actorRole: string,
  count: number,
  where: "working set" | "spread",
  exclude: ReadonlySet<string> = new Set(),
): Promise<PlannedWrite[]> {
  const planned: PlannedWrite[] = [];
  const today = todayOf(deps.now());
  for await (const ids of candidates(deps, where, count)) {
    const views = await loadEntitlementViews(
      deps.database.db,
      ids.filter((id) => !exclude.has(id)),
    );
    for (const view of views) {
      // A view's segments carry what the server derives (the L1 date, the owner resolved): not sent back.
      const segments: ProposedSegment[] = view.segments.map(
        ({ l1Since: _since, ownerResolved: _resolved, ...segment }, position) => ({
          ...segment,
          // The suffix replaces an earlier run's: notes that grew with every run would make runs incomparable.
          note: `${(segment.note ?? "").replace(checkedAgain, "")} Checked again by the benchmark (${benchRun}, ${planned.length}.${position}).`.trim(),
        }),
      );
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
      if (planned.length >= count) return planned;
    }
  }
  return planned;
}

/** Entitlement ids in pages of up to 1,000. */
async function* candidates(
  deps: AppDeps,
  where: "working set" | "spread",
  count: number,
): AsyncGenerator<string[]> {
  const db = deps.database.db;
  if (where === "spread") {
    // About 1% of the rows, read in random order: more than enough candidates, never the same twice.
    const sample = (
      await rowsOf<{ id: string }>(
        db,
        sql`select id::text as id from entitlements tablesample bernoulli (1) order by random() limit ${count * 3}`,
      )
    ).map((row) => row.id);
    for (let start = 0; start < sample.length; start += 1000) yield sample.slice(start, start + 1000);
    return;
  }
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const ids = (
      await rowsOf<{ id: string }>(
        db,
        sql`select id::text as id from entitlements where id > ${after}::uuid order by id limit 1000`,
      )
    ).map((row) => row.id);
    if (ids.length === 0) return;
    after = ids[ids.length - 1]!;
    yield ids;
  }
}
