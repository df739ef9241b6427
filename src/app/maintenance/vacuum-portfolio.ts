import { vacuumsByItself, vacuumTables } from "../../db/infra/table-maintenance.ts";
import type { AppDeps } from "../app-deps.ts";

export interface VacuumReport {
  /** Whether the database would have vacuumed by itself (autovacuum on a server). */
  vacuumsByItself: boolean;
  seconds: number;
}

/**
 * Vacuums and analyses the portfolio's tables. A server with autovacuum does
 * this by itself; PGlite and a server with autovacuum off do not, and there
 * dead row versions pile up with every status change: at 100,000 tenants,
 * status writes spread over the portfolio ran at 533/s after a few benchmark
 * runs and at 929/s right after a vacuum (docs/PERFORMANCE.md).
 */
export async function vacuumPortfolio(deps: AppDeps): Promise<VacuumReport> {
  const started = performance.now();
  const byItself = await vacuumsByItself(deps.database);
  await vacuumTables(deps.database);
  return { vacuumsByItself: byItself, seconds: (performance.now() - started) / 1000 };
}

/** Whether the database reclaims dead row versions by itself (autovacuum on a server; never PGlite). */
export function databaseVacuumsByItself(deps: AppDeps): Promise<boolean> {
  return vacuumsByItself(deps.database);
}
