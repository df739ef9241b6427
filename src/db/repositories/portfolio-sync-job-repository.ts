import type { PortfolioSync, SyncOptions, SyncReportBody, SyncState } from "../../http/schemas/feed.ts";
import type { Database } from "../client.ts";

/**
 * Portfolio syncs as jobs: the record is written queued when an upload is
 * accepted, runs, and ends done (syncPortfolio finishes it) or failed.
 */

const columns = `id, state, at, finished_at, actor_email, dry_run, "full", partial, allow_mass_end,
  applied, report, error`;

export async function insertQueuedSync(
  database: Pick<Database, "execute">,
  input: SyncOptions & { at: string; actorId: string | null; actorEmail: string },
): Promise<PortfolioSync> {
  const { rows } = await database.execute(
    `insert into portfolio_syncs (at, actor_id, actor_email, dry_run, "full", partial, allow_mass_end, applied, state)
     values ($1::timestamptz, $2::uuid, $3, $4, $5, $6, $7, false, 'queued')
     returning ${columns}`,
    [input.at, input.actorId, input.actorEmail, input.dryRun, input.full, input.partial, input.allowMassEnd],
  );
  return syncOf(rows[0]!);
}

export async function markSyncRunning(database: Pick<Database, "execute">, id: number): Promise<void> {
  await database.execute("update portfolio_syncs set state = 'running' where id = $1 and state = 'queued'", [
    id,
  ]);
}

/** Ends a sync that could not finish; one already done stays done. */
export async function markSyncFailed(
  database: Pick<Database, "execute">,
  id: number,
  error: string,
): Promise<void> {
  await database.execute(
    `update portfolio_syncs set state = 'failed', error = $2, finished_at = now()
     where id = $1 and state in ('queued', 'running')`,
    [id, error],
  );
}

/** Syncs left queued or running by a server that stopped: failed, with the reason. Returns how many. */
export async function failInterruptedSyncs(
  database: Pick<Database, "execute">,
  error: string,
): Promise<number> {
  const { rows } = await database.execute(
    `update portfolio_syncs set state = 'failed', error = $1, finished_at = now()
     where state in ('queued', 'running') returning id`,
    [error],
  );
  return rows.length;
}

export async function findSync(
  database: Pick<Database, "execute">,
  id: number,
): Promise<PortfolioSync | null> {
  const { rows } = await database.execute(`select ${columns} from portfolio_syncs where id = $1`, [id]);
  return rows[0] ? syncOf(rows[0]) : null;
}

/** A sync queued or running (on any server sharing the database), if one is. */
export async function findActiveSync(database: Pick<Database, "execute">): Promise<PortfolioSync | null> {
  const { rows } = await database.execute(
    `select ${columns} from portfolio_syncs where state in ('queued', 'running') order by id desc limit 1`,
  );
  return rows[0] ? syncOf(rows[0]) : null;
}

/** The latest syncs, newest first. */
export async function listSyncs(
  database: Pick<Database, "execute">,
  limit: number,
): Promise<PortfolioSync[]> {
  const { rows } = await database.execute(
    `select ${columns} from portfolio_syncs order by id desc limit $1`,
    [limit],
  );
  return rows.map(syncOf);
}

function syncOf(row: Record<string, unknown>): PortfolioSync {
  const time = (value: unknown) =>
    value === null || value === undefined ? null : new Date(value as string).toISOString();
  const report = (
    typeof row.report === "string" ? JSON.parse(row.report) : row.report
  ) as SyncReportBody | null;
  return {
    id: Number(row.id),
    state: row.state as SyncState,
    at: time(row.at)!,
    finishedAt: time(row.finished_at),
    actorEmail: String(row.actor_email),
    dryRun: Boolean(row.dry_run),
    full: Boolean(row.full),
    partial: Boolean(row.partial),
    allowMassEnd: Boolean(row.allow_mass_end),
    applied: Boolean(row.applied),
    progress: null,
    report: report ? { ...report, refusal: report.refusal ?? null } : null,
    error: row.error === null || row.error === undefined ? null : String(row.error),
  };
}
