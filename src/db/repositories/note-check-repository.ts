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

/** The entitlements in scope whose kept judgment is missing, or of another version or basis. */
const unjudgedSql = (
  scope: QualityScope,
  basis: string,
) => sql`with scoped as materialized (${scopedEntitlementsSql(scope)})
  select sc.id, sc.version, sc.service_id, sc.updated_at from scoped sc
  left join quality_note_checks nc on nc.entitlement_id = sc.id
  where nc.entitlement_id is null or nc.version <> sc.version or nc.basis <> ${basis}`;

/**
 * Up to `limit` entitlements in scope with no judgment of their notes for
 * their current version and basis, with their segments. `latestFirst`: the
 * latest changed first (a note just fixed is judged on the next read), and
 * how many there are in all; otherwise any of them and no count (the
 * background job, which must not sort the portfolio on every batch).
 */
export async function unjudgedEntitlements(
  db: Db,
  scope: QualityScope,
  options: { basis: string; limit: number; latestFirst: boolean },
): Promise<{ rows: UnjudgedEntitlement[]; count: number | null }> {
  const picked = options.latestFirst
    ? sql`select u.*, count(*) over () as total from (${unjudgedSql(scope, options.basis)}) u
        order by u.updated_at desc, u.id limit ${options.limit}`
    : sql`select u.*, null::int as total from (${unjudgedSql(scope, options.basis)}) u limit ${options.limit}`;
  const rows = await rowsOf<UnjudgedEntitlement & { total: number | null }>(
    db,
    sql`select p.id, p.version, p.service_id as "serviceId", p.total::int as total,
        coalesce((select json_agg(json_build_object('position', s.position, 'l1', s.l1, 'l2', s.l2, 'note', s.note)
          order by s.position) from status_segments s where s.entitlement_id = p.id), '[]'::json) as segments
      from (${picked}) p`,
  );
  const count = options.latestFirst ? (rows[0]?.total ?? 0) : null;
  return { rows: rows.map(({ total: _total, ...row }) => row), count };
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
