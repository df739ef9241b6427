import { indexPendingNotes } from "../../db/repositories/note-search-repository.ts";
import type { AppDeps } from "../app-deps.ts";
import type { VacuumRoundLog } from "./vacuum-rounds.ts";

/**
 * How often a server takes changed notes into the search table. The free-text
 * search reads the notes not yet taken from their segments, one by one, so
 * their number is kept small: at 1,500 writes a second, a few thousand.
 */
export const noteIndexEvery = 2_000;

/**
 * Runs indexPendingNotes every `every` ms while the server runs (every server:
 * two taking at once take the same rows, and both outcomes are the same). A
 * round still running skips the next; the timer alone does not keep the
 * process alive. Returns the function that stops it.
 */
export function startNoteIndexRounds(deps: AppDeps, log: VacuumRoundLog, every = noteIndexEvery): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    indexPendingNotes(deps.database.db)
      .catch((error: unknown) => log.warn({ err: error }, "taking changed notes into the search failed"))
      .finally(() => {
        running = false;
      });
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}
