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
export async function vacuumTables(database: Database): Promise<void> {
  await database.execute(`vacuum (analyze) ${maintainedTables.join(", ")}`);
}
