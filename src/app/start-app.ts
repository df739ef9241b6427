import { openDatabase } from "../db/client.ts";
import { runMigrations } from "../db/migrate.ts";
import type { AppDeps } from "./app-deps.ts";
import { loadPlaybook } from "./playbook/load-playbook.ts";
import { recordPlaybookAtStart } from "./playbook/record-playbook-at-start.ts";
import { resolveTeamOwners } from "./playbook/resolve-team-owners.ts";
import { syncServices } from "./playbook/sync-services.ts";

export interface StartOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
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
  const database = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir });
  try {
    await runMigrations(database);
    const deps: AppDeps = { database, playbook, now: options.now ?? (() => new Date()) };
    // A playbook that would orphan stored values, or leaves its declared changes unapplied, stops here.
    if (options.recordPlaybook !== false) await recordPlaybookAtStart(deps, playbook);
    await syncServices(deps);
    await resolveTeamOwners(deps);
    return { deps, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}
