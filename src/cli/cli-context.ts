import type { Actor, AppDeps } from "../app/app-deps.ts";
import { systemActor } from "../app/auth/system-actor.ts";
import { startApp } from "../app/start-app.ts";
import { findUserByEmail, listUsers } from "../app/users/find-user.ts";
import { readConfig } from "../config.ts";
import { AppError } from "../domain/app-error.ts";

export interface CliAppOptions {
  /** E-mail of the user the command acts as (default: UNBLOCK_USER, else the demo admin). */
  as?: string | undefined;
  /** Commands that create the users (seed) run before any user exists. */
  anonymous?: boolean;
  /** With no --as and no user at all yet, act as the system (the first `users add`). */
  systemWhenNoUsers?: boolean;
  /** False: open the database without checking the playbook against it (`playbook apply`, `diff`). */
  checkPlaybook?: boolean;
}

/**
 * Opens the configured database and playbook for one CLI command, resolves the
 * acting user, runs `fn`, and always closes the database: PGlite holds a lock on
 * its data directory until closed.
 */
export async function withApp(
  options: CliAppOptions,
  fn: (deps: AppDeps, actor: Actor) => Promise<void>,
): Promise<void> {
  const config = readConfig();
  const app = await startApp({
    databaseUrl: config.databaseUrl,
    replicaUrl: config.replicaUrl,
    replicaMaxLagMs: config.replicaMaxLagMs,
    dataDir: config.dataDir,
    playbookPath: config.playbookPath,
    recordPlaybook: options.checkPlaybook !== false,
  });
  try {
    const firstUser = options.systemWhenNoUsers && !options.as && (await listUsers(app.deps)).length === 0;
    const actor =
      options.anonymous || firstUser
        ? systemActor
        : await resolveCliActor(app.deps, options.as ?? config.defaultUser);
    await fn(app.deps, actor);
  } finally {
    await app.close();
  }
}

async function resolveCliActor(deps: AppDeps, email: string): Promise<Actor> {
  const user = await findUserByEmail(deps, email);
  if (!user) {
    throw new AppError(
      "unauthenticated",
      `No user ${email}. Seed the demo users (unblock seed --demo) or pass --as <email> of an existing user.`,
    );
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
