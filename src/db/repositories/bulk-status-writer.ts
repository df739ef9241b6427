import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { StatusWrite } from "./entitlement-repository.ts";
import type { StoredSegment } from "./entitlement-view.ts";
import type { HistoryEntryInput, StatusSnapshot } from "./history-repository.ts";
import { insertJsonRows } from "./portfolio-writer.ts";
import { l1SinceFor, writeSegments } from "./segment-repository.ts";
import { type SegmentSummary, segmentSummary } from "./segment-summary.ts";

/** Entitlements written per round of statements. */
const perRound = 1000;

/**
 * applyStatus for many entitlements at once (the importer): the same rows
 * (segments with their L1 dates, version + 1, the stamp, one history row with
 * the whole before and after) written with a handful of set-based statements
 * per thousand entitlements instead of four statements each. Call inside the
 * transaction that locked the entitlements; it checks no rules.
 */
export async function applyStatuses(
  tx: Db,
  writes: readonly StatusWrite[],
  onProgress?: (written: number) => void,
): Promise<void> {
  for (let start = 0; start < writes.length; start += perRound) {
    const round = writes.slice(start, start + perRound);
    await applyRound(tx, round);
    onProgress?.(start + round.length);
  }
}

async function applyRound(tx: Db, writes: readonly StatusWrite[]): Promise<void> {
  const written: { entitlementId: string; segments: StoredSegment[] }[] = [];
  const stamps: ({
    id: string;
    version: number;
    stage: string;
    availableSeats: number;
    updatedAt: string;
    updatedBy: string | null;
  } & SegmentSummary)[] = [];
  const history: HistoryEntryInput[] = [];

  for (const write of writes) {
    const { locked, now } = write;
    const availableSeats = write.availableSeats ?? locked.availableSeats;
    const since = l1SinceFor(locked.segments, write.segments, now);
    const stored: StoredSegment[] = write.segments.map((segment, position) => ({
      ...segment,
      l1Since: since[position] ?? now.toISOString(),
    }));
    written.push({ entitlementId: locked.id, segments: stored });
    stamps.push({
      id: locked.id,
      version: locked.version,
      stage: write.stage,
      availableSeats,
      updatedAt: now.toISOString(),
      updatedBy: write.actor.id,
      ...segmentSummary(locked.serviceId, stored),
    });
    const before: StatusSnapshot = {
      stage: locked.stage,
      availableSeats: locked.availableSeats,
      segments: locked.segments,
    };
    const after: StatusSnapshot = { stage: write.stage, availableSeats, segments: stored };
    history.push({
      entitlementId: locked.id,
      at: now,
      actorId: write.actor.id,
      actorRole: write.actor.role,
      source: write.source,
      playbookVersion: write.playbookVersion,
      versionAfter: locked.version + 1,
      before,
      after,
      requestId: write.requestId,
    });
  }

  // Rows first, with the segment summaries, then the segments in one statement (writeSegments): the
  // summary triggers then find nothing to correct, and the report cells see each edit whole.
  const updated = (await tx.execute(sql`
    update entitlements as e
       set stage = w.stage, available_seats = w."availableSeats", version = e.version + 1,
           updated_at = w."updatedAt", updated_by = w."updatedBy", blocked_seats = w."blockedSeats",
           earliest_target_date = w."earliestTargetDate", earliest_next_action_date = w."earliestNextActionDate",
           blocked_keys = w."blockedKeys"
      from json_to_recordset(${JSON.stringify(stamps)}::json)
           as w(id uuid, version integer, stage text, "availableSeats" integer, "updatedAt" timestamptz, "updatedBy" uuid,
                "blockedSeats" integer, "earliestTargetDate" date, "earliestNextActionDate" date, "blockedKeys" text[])
     where e.id = w.id and e.version = w.version
     returning e.id`)) as unknown as { rows: unknown[] };
  // Cannot happen under the row locks; refuse loudly rather than write history for a lost update.
  if (updated.rows.length !== stamps.length) {
    throw new Error(`${stamps.length - updated.rows.length} entitlements changed while locked`);
  }
  await writeSegments(tx, written);
  await insertJsonRows(tx, "status_history", history);
}
