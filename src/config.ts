import { resolve } from "node:path";

/** Runtime configuration, from the environment; every value has a safe local default. */
export interface Config {
  host: string;
  port: number;
  /** PostgreSQL server URL; when unset the embedded database in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  playbookPath: string | undefined;
  /** E-mail of the user requests act as when they name none (until sign-in lands). */
  defaultUser: string;
  logLevel: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  return {
    // Loopback by default: the app holds customer data and has no sign-in yet.
    host: env.HOST ?? "127.0.0.1",
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.UNBLOCK_DATA_DIR ?? "./data"),
    playbookPath: env.UNBLOCK_PLAYBOOK || undefined,
    defaultUser: env.UNBLOCK_USER ?? "admin@unblock.test",
    logLevel: env.LOG_LEVEL ?? "info",
  };
}
