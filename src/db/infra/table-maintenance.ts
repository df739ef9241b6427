import type { Database } from "../client.ts";

/**
 * The tables status writes, imports and seeds leave dead row versions in:
 * every change of a status replaces its entitlement row and segments, and
 * the report aggregates move with it.
 */
export const maintainedTables = [
  "entitlements",
  "status_segments",
  "status_history",
  "history_latest",
  "history_tenant_blocked",
  "report_cells",
  "report_cell_deltas",
  "report_cell_tenants",
  "blocked_weeks",
  "blocked_week_deltas",
  "tenants",
  "customers",
  "assignments",
  // Every read or job that judges notes rewrites their rows (docs/QUALITY.md).
  "quality_note_checks",
  "next_action_overdue_raised",
  // Every note edit marks its entitlement, and the search's table takes it in a few seconds later.
  "note_search_pending",
  "note_search",
] as const;

/**
 * Whether the database vacuums these tables by itself. PGlite never does (it
 * runs no background workers); a PostgreSQL server does unless `autovacuum`
 * is off, as it is on some test machines.
 */
export async function vacuumsByItself(database: Database): Promise<boolean> {
  if (database.kind === "pglite") return false;
  const { rows } = await database.execute(
    "select current_setting('autovacuum') = 'on' and current_setting('track_counts') = 'on' as runs",
  );
  return rows[0]?.runs === true;
}

/**
 * VACUUM (ANALYZE) of the maintained tables: dead row versions reclaimed,
 * pages marked visible to all again, statistics fresh. Not in a transaction
 * (VACUUM refuses one); other sessions go on reading and writing meanwhile.
 */
export async function vacuumTables(
  database: Database,
  tables: readonly MaintainedTable[] = maintainedTables,
): Promise<void> {
  if (tables.length === 0) return;
  await database.execute(`vacuum (analyze) ${tables.join(", ")}`);
}

/** ANALYZE only: fresh planner statistics after a bulk change, without vacuum's cost. */
export async function analyzeTables(database: Database, tables: readonly MaintainedTable[]): Promise<void> {
  if (tables.length === 0) return;
  await database.execute(`analyze ${tables.join(", ")}`);
}

export type MaintainedTable = (typeof maintainedTables)[number];

export interface RowVersionCount {
  table: MaintainedTable;
  live: number;
  /** Old versions of changed or deleted rows that no vacuum has reclaimed yet. */
  dead: number;
}

/** Live and dead row versions of each maintained table, as PostgreSQL's statistics count them. */
export async function rowVersionCounts(database: Database): Promise<RowVersionCount[]> {
  const { rows } = await database.execute(
    `select relname as table, n_live_tup::float8 as live, n_dead_tup::float8 as dead
       from pg_stat_user_tables where schemaname = current_schema() and relname = any($1)
      order by relname`,
    [[...maintainedTables]],
  );
  return rows.map((row) => ({
    table: String(row.table) as MaintainedTable,
    live: Number(row.live),
    dead: Number(row.dead),
  }));
}
