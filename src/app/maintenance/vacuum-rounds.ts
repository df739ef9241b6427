import type { AppDeps } from "../app-deps.ts";
import { vacuumWhenNeeded } from "./vacuum-when-needed.ts";

/** How often the server checks for tables to vacuum where the database does not by itself. */
export const vacuumCheckEvery = 10 * 60_000;

export interface VacuumRoundLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

/**
 * Runs vacuumWhenNeeded every `every` ms while the server runs: nothing where
 * autovacuum runs, else the tables whose dead rows passed the threshold
 * (PGlite always needs this). A round still running skips the next check; the
 * timer alone does not keep the process alive. Returns the function that stops it.
 */
export function startVacuumRounds(deps: AppDeps, log: VacuumRoundLog, every = vacuumCheckEvery): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    vacuumWhenNeeded(deps)
      .then((round) => {
        if (round) log.info(round, "vacuumed the tables status changes had left dead rows in");
      })
      .catch((error: unknown) => log.warn({ err: error }, "vacuum round failed"))
      .finally(() => {
        running = false;
      });
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}
