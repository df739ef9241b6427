import { type Database, openDatabase } from "../db/client.ts";
import { runMigrations } from "../db/migrate.ts";
import type { AppDeps } from "./app-deps.ts";
import { loadPlaybook } from "./playbook/load-playbook.ts";
import { recordPlaybookAtStart } from "./playbook/record-playbook-at-start.ts";
import { resolveTeamOwners } from "./playbook/resolve-team-owners.ts";
import { syncServices } from "./playbook/sync-services.ts";
import type { ReplicaLog, ReplicaReads } from "./replica/replica-reads.ts";

export interface StartOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** A streaming replica of `databaseUrl` for reports and exports. */
  replicaUrl?: string | undefined;
  replicaMaxLagMs?: number | undefined;
  playbookPath?: string | undefined;
  now?: () => Date;
  /**
   * False: skip the check that the playbook fits what is stored, and its
   * recording (`unblock playbook apply|diff`, which are there to fix a misfit).
   */
  recordPlaybook?: boolean | undefined;
}

export interface RunningApp {
  deps: AppDeps;
  close(): Promise<void>;
}

/**
 * Opens what every entry point needs, in order: the playbook first (an invalid
 * playbook must stop start-up before anything touches the database), then the
 * database, its migrations, the playbook checked against the stored values
 * and recorded as the version in use (docs/PLAYBOOK-VERSIONS.md), the service
 * catalogue from the playbook, and text owners naming a role of the playbook
 * resolved to that team.
 */
export async function startApp(options: StartOptions): Promise<RunningApp> {
  const playbook = loadPlaybook(options.playbookPath);
  if (options.replicaUrl && !options.databaseUrl) {
    throw new Error("DATABASE_REPLICA_URL needs DATABASE_URL: a replica follows a PostgreSQL server");
  }
  const database = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir });
  const opened: Database[] = [database];
  const close = async () => {
    for (const each of opened) await each.close();
  };
  try {
    await runMigrations(database);
    const deps: AppDeps = { database, playbook, now: options.now ?? (() => new Date()) };
    if (options.replicaUrl) {
      // Never migrated: a standby replays what the primary's migrations wrote.
      const replica = await openDatabase({ url: options.replicaUrl });
      opened.push(replica);
      deps.replica = replicaReads(replica, options.replicaMaxLagMs ?? 5000);
    }
    // A playbook that would orphan stored values, or leaves its declared changes unapplied, stops here.
    if (options.recordPlaybook !== false) await recordPlaybookAtStart(deps, playbook);
    await syncServices(deps);
    await resolveTeamOwners(deps);
    return { deps, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Until `unblock serve` hands it the server's logger, a fallback to the primary is told on standard error. */
const standardErrorLog: ReplicaLog = {
  info: () => undefined,
  warn: (_, message) => process.stderr.write(`Replica: ${message}\n`),
};

function replicaReads(database: Database, maxLagMs: number): ReplicaReads {
  return { database, maxLagMs, log: standardErrorLog };
}
