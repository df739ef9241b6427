import { sql } from "drizzle-orm";
import type { NoteSegment } from "../../domain/quality/judge-notes.ts";
import type { QualityFinding } from "../../domain/quality/quality-rules.ts";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { type QualityScope, scopedEntitlementsSql } from "./quality-repository.ts";

/** An entitlement whose notes have no judgment for its current version and basis. */
export interface UnjudgedEntitlement {
  id: string;
  version: number;
  serviceId: string;
  segments: NoteSegment[];
}

export interface NoteCheckCandidates {
  /** What the note rules read: segments of these L1s, and segments with an L2 and a note. */
  gradeL1s: readonly string[];
  suggest: boolean;
  basis: string;
}

function needsJudging(candidates: NoteCheckCandidates) {
  const l1s =
    candidates.gradeL1s.length > 0
      ? sql`s.l1 in (${sql.join(
          candidates.gradeL1s.map((l1) => sql`${l1}`),
          sql`, `,
        )})`
      : sql`false`;
  const suggest = candidates.suggest ? sql`(s.l2 is not null and btrim(s.note) <> '')` : sql`false`;
  return sql`(${l1s} or ${suggest})`;
}

/**
 * Up to `limit` entitlements in scope whose note judgment is missing or was
 * made for another version or basis, the latest changed first (so a note
 * just fixed is judged on the next read), with how many there are in all.
 */
export async function unjudgedEntitlements(
  db: Db,
  scope: QualityScope,
  candidates: NoteCheckCandidates,
  limit: number,
): Promise<{ count: number; rows: UnjudgedEntitlement[] }> {
  const [row] = await rowsOf<{ count: number; rows: UnjudgedEntitlement[] }>(
    db,
    sql`with scoped as materialized (${scopedEntitlementsSql(scope)}),
    unjudged as materialized (
      select sc.id, sc.version, sc.service_id, sc.updated_at from scoped sc
      left join quality_note_checks nc on nc.entitlement_id = sc.id
      where (nc.entitlement_id is null or nc.version <> sc.version or nc.basis <> ${candidates.basis})
        and exists (select 1 from status_segments s where s.entitlement_id = sc.id and ${needsJudging(candidates)})
    ), picked as (
      select * from unjudged order by updated_at desc, id limit ${limit}
    )
    select (select count(*)::int from unjudged) as count,
      (select coalesce(json_agg(json_build_object('id', p.id, 'version', p.version, 'serviceId', p.service_id,
        'segments', (select json_agg(json_build_object('position', s.position, 'l1', s.l1, 'l2', s.l2,
            'note', s.note) order by s.position)
          from status_segments s where s.entitlement_id = p.id))), '[]'::json)
        from picked p) as rows`,
  );
  return row ?? { count: 0, rows: [] };
}

export interface NoteCheck {
  entitlementId: string;
  version: number;
  findings: QualityFinding[];
}

/**
 * Keeps judgments; a judgment of an older version than the one kept is
 * dropped (a slower reader must not undo a newer one).
 */
export async function saveNoteChecks(db: Db, checks: readonly NoteCheck[], basis: string, now: Date) {
  if (checks.length === 0) return;
  const rows = JSON.stringify(
    checks.map((check) => ({
      entitlement_id: check.entitlementId,
      version: check.version,
      findings: check.findings.map(({ rule, position, data }) => ({ rule, position, data })),
    })),
  );
  await db.execute(sql`insert into quality_note_checks (entitlement_id, version, basis, findings, checked_at)
    select r.entitlement_id, r.version, ${basis}, r.findings, ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${rows}::jsonb) as r(entitlement_id uuid, version int, findings jsonb)
    where exists (select 1 from entitlements e where e.id = r.entitlement_id)
    on conflict (entitlement_id) do update
      set version = excluded.version, basis = excluded.basis, findings = excluded.findings,
        checked_at = excluded.checked_at
      where quality_note_checks.version <= excluded.version`);
}
