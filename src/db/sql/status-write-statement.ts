import { sql } from "drizzle-orm";
import type { StatusSnapshot, StoredSegment } from "../../http/schemas/entitlements.ts";
import type { Db } from "../client.ts";
import { preparedStatement } from "../infra/prepared-statement.ts";
import type { StatusWrite } from "../repositories/entitlement-repository.ts";
import { l1SinceFor } from "../repositories/segment-repository.ts";
import { type SegmentSummary, segmentSummary } from "./segment-summary.ts";
import { addToOutbox, type StatusOutbox, statusOutboxParts } from "./status-outbox-sql.ts";

/**
 * Writes judged statuses with one statement, whatever their number: each
 * entitlement's row (version + 1, the stamp, the segment summaries the
 * triggers would otherwise write after it), its segments (each overwriting the
 * one at its position; positions past the new count go) and one history row
 * with the whole before and after.
 *
 * Every part is joined to the rows the UPDATE actually changed, and that
 * UPDATE only changes an entitlement still at the version the write was judged
 * against. So the statement is its own compare-and-set: a write that lost a
 * race (someone committed a change in between) writes nothing at all, and a
 * single write needs neither a row lock read first nor a transaction around it.
 * One statement also lets the segment triggers see the old and new segments of
 * an edit together, so report cells an edit leaves in place are not taken out
 * and put back. Checks no rules: the callers (setStatus, the importer) have.
 * The same statement writes the change's webhook events and follow-up jobs
 * (status-outbox-sql.ts), so they exist exactly when the change does.
 *
 * Returns the ids written.
 */
export async function writeStatuses(db: Db, writes: readonly StatusWrite[]): Promise<Set<string>> {
  if (writes.length === 0) return new Set();
  const stamps: ({
    id: string;
    version: number;
    stage: string;
    availableSeats: number;
    updatedAt: string;
    updatedBy: string | null;
    count: number;
  } & SegmentSummary)[] = [];
  const segments: Record<string, unknown>[] = [];
  const history: Record<string, unknown>[] = [];
  const outbox: StatusOutbox = { events: [], followUps: [] };
  for (const write of writes) {
    const { locked, now } = write;
    const after = statusAfter(write);
    addToOutbox(outbox, write, after);
    stamps.push({
      id: locked.id,
      version: locked.version,
      stage: after.stage,
      availableSeats: after.availableSeats,
      updatedAt: now.toISOString(),
      updatedBy: write.actor.id,
      count: after.segments.length,
      ...segmentSummary(locked.serviceId, after.segments),
    });
    after.segments.forEach((segment, position) => {
      const ref = segment.ownerRef;
      segments.push({
        ...segment,
        entitlementId: locked.id,
        position,
        ownerUserId: ref?.kind === "person" ? ref.userId : null,
        ownerTeam: ref?.kind === "team" ? ref.role : null,
      });
    });
    history.push({
      entitlementId: locked.id,
      at: now.toISOString(),
      actorId: write.actor.id,
      actorRole: write.actor.role,
      source: write.source,
      playbookVersion: write.playbookVersion,
      versionAfter: locked.version + 1,
      before: { stage: locked.stage, availableSeats: locked.availableSeats, segments: locked.segments },
      after,
      requestId: write.requestId,
    });
  }

  const rows = await statusWriteStatement(db, {
    stamps: JSON.stringify(stamps),
    segments: JSON.stringify(segments),
    history: JSON.stringify(history),
    events: JSON.stringify(outbox.events),
    followUps: JSON.stringify(outbox.followUps),
  });
  return new Set(rows.map((row) => row.id));
}

// Data-modifying CTEs must sit in the top-level WITH, so each part is a CTE of its own (drizzle's
// $with) and the statement selects the ids the update changed.
const statusWriteStatement = preparedStatement("status_write", (db) => {
  const stamps = db.$with("stamps", {}).as(
    sql`select * from json_to_recordset(${sql.placeholder("stamps")}::json)
        as w(id uuid, version integer, stage text, "availableSeats" integer, "updatedAt" timestamptz, "updatedBy" uuid,
             count integer, "blockedSeats" integer, "earliestTargetDate" date, "earliestNextActionDate" date,
             "blockedKeys" text[])`,
  );
  const updated = db.$with("updated", { id: sql<string>`id`, count: sql<number>`count` }).as(
    sql`update entitlements as e
         set stage = w.stage, available_seats = w."availableSeats", version = e.version + 1,
             updated_at = w."updatedAt", updated_by = w."updatedBy", blocked_seats = w."blockedSeats",
             earliest_target_date = w."earliestTargetDate", earliest_next_action_date = w."earliestNextActionDate",
             blocked_keys = w."blockedKeys", resplit_needed = false
        from stamps w
       where e.id = w.id and e.version = w.version
      returning e.id, w.count`,
  );
  const written = db.$with("written", {}).as(
    sql`insert into status_segments (entitlement_id, position, seats, l1, scenario_id, l2, l3, service_status,
        engagement_scenario, target_date, owner, owner_user_id, owner_team, note, next_action_date, next_action,
        split_reason, l1_since)
      select r."entitlementId", r.position, r.seats, r.l1, r."scenarioId", r.l2, r.l3, r."serviceStatus",
        r."engagementScenario", r."targetDate", r.owner, r."ownerUserId", r."ownerTeam", r.note, r."nextActionDate", r."nextAction", r."splitReason",
        r."l1Since"
      from json_to_recordset(${sql.placeholder("segments")}::json) as r("entitlementId" uuid, position integer,
        seats integer, l1 text, "scenarioId" text, l2 text, l3 text, "serviceStatus" text, "engagementScenario" text,
        "targetDate" date, owner text, "ownerUserId" uuid, "ownerTeam" text, note text, "nextActionDate" date, "nextAction" text, "splitReason" text,
        "l1Since" timestamptz)
      join updated u on u.id = r."entitlementId"
      on conflict (entitlement_id, position) do update set
        seats = excluded.seats, l1 = excluded.l1, scenario_id = excluded.scenario_id, l2 = excluded.l2,
        l3 = excluded.l3, service_status = excluded.service_status,
        engagement_scenario = excluded.engagement_scenario, target_date = excluded.target_date,
        owner = excluded.owner, owner_user_id = excluded.owner_user_id, owner_team = excluded.owner_team,
        note = excluded.note, next_action_date = excluded.next_action_date,
        next_action = excluded.next_action, split_reason = excluded.split_reason, l1_since = excluded.l1_since`,
  );
  const removed = db
    .$with("removed", {})
    .as(
      sql`delete from status_segments s using updated u where s.entitlement_id = u.id and s.position >= u.count`,
    );
  const logged = db.$with("logged", {}).as(
    sql`insert into status_history (entitlement_id, at, actor_id, actor_role, source, playbook_version,
        version_after, before, after, request_id)
      select h."entitlementId", h.at, h."actorId", h."actorRole", h.source, h."playbookVersion", h."versionAfter",
        h.before, h.after, h."requestId"
      from json_to_recordset(${sql.placeholder("history")}::json) as h("entitlementId" uuid, at timestamptz,
        "actorId" uuid, "actorRole" text, source text, "playbookVersion" text, "versionAfter" integer,
        before jsonb, after jsonb, "requestId" text)
      join updated u on u.id = h."entitlementId"
      order by h."entitlementId"`,
  );
  return db
    .with(stamps, updated, written, removed, logged, ...statusOutboxParts(db))
    .select({ id: sql<string>`id::text` })
    .from(updated);
});

/** The status a write stores: its segments stamped with when their seats entered their L1. */
export function statusAfter(write: StatusWrite): StatusSnapshot {
  const { locked, now } = write;
  const since = l1SinceFor(locked.segments, write.segments, now);
  const segments: StoredSegment[] = write.segments.map((segment, position) => ({
    ...segment,
    l1Since: since[position] ?? now.toISOString(),
  }));
  return { stage: write.stage, availableSeats: write.availableSeats ?? locked.availableSeats, segments };
}
