import type { Db } from "../../db/client.ts";
import { lockPlaybookVersions } from "../../db/repositories/playbook-version-repository.ts";
import type { AppDeps } from "../app-deps.ts";

/** The applies of this process, one after another (PGlite: one process owns the database). */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs a playbook apply holding the playbook versions lock for its whole
 * length, while its remap commits batch by batch on other connections.
 *
 * On a PostgreSQL server `work` gets a transaction of its own that holds the
 * advisory lock (the lock a starting server takes too) and does nothing else
 * until the apply records its version in it: it keeps no snapshot between
 * statements, so it holds back no vacuum and blocks no reader. The remap's
 * batches must not take the lock again (they would wait for this transaction).
 * PGlite has one connection, which such a transaction would keep from the
 * batches: there `work` gets the database and the applies of this process
 * queue up instead.
 */
export function underPlaybookApplyLock<T>(deps: AppDeps, work: (session: Db) => Promise<T>): Promise<T> {
  const { database } = deps;
  if (database.kind === "postgres") {
    return database.db.transaction(async (transaction) => {
      const session = transaction as unknown as Db;
      await lockPlaybookVersions(session);
      return work(session);
    });
  }
  const run = queue.then(() => work(database.db));
  queue = run.catch(() => undefined);
  return run;
}
