import { rowVersionCounts, vacuumsByItself, vacuumTables } from "../../db/infra/table-maintenance.ts";
import type { AppDeps } from "../app-deps.ts";

/**
 * A table is vacuumed once its dead row versions pass a tenth of its live
 * ones, and at least a thousand: about what autovacuum would do (a fifth by
 * default), a little sooner, since here nothing else will.
 */
export const vacuumThreshold: { share: number; atLeast: number } = { share: 0.1, atLeast: 1000 };

export interface VacuumRound {
  tables: string[];
  seconds: number;
}

/**
 * What a server with autovacuum does by itself, for databases that do not
 * (PGlite; a server with autovacuum off): vacuums and analyses the portfolio
 * tables whose dead row versions passed the threshold. Null when nothing was
 * due, or when the database vacuums by itself. `unblock serve` runs it every
 * few minutes.
 */
export async function vacuumWhenNeeded(
  deps: AppDeps,
  threshold: typeof vacuumThreshold = vacuumThreshold,
): Promise<VacuumRound | null> {
  if (await vacuumsByItself(deps.database)) return null;
  const due = (await rowVersionCounts(deps.database))
    .filter(({ live, dead }) => dead >= Math.max(threshold.atLeast, threshold.share * live))
    .map(({ table }) => table);
  if (due.length === 0) return null;
  const started = performance.now();
  await vacuumTables(deps.database, due);
  return { tables: due, seconds: (performance.now() - started) / 1000 };
}
