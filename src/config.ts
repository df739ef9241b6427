import { resolve } from "node:path";

/** Runtime configuration, from the environment; every value has a safe local default. */
export interface Config {
  host: string;
  port: number;
  /** PostgreSQL server URL; when unset the embedded database in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  playbookPath: string | undefined;
  /** E-mail of the user CLI commands act as when they name none (--as). */
  defaultUser: string;
  /** The first Admin, created on the first start when no Admin can sign in. */
  adminEmail: string;
  /** Its password; unset means a generated one, printed once. */
  adminPassword: string | undefined;
  /** Behind a reverse proxy that sets X-Forwarded-Proto/For (secure cookies, client addresses). */
  trustProxy: boolean;
  logLevel: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  return {
    // Loopback by default: bind to other addresses deliberately (and behind https).
    host: env.HOST ?? "127.0.0.1",
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.UNBLOCK_DATA_DIR ?? "./data"),
    playbookPath: env.UNBLOCK_PLAYBOOK || undefined,
    defaultUser: env.UNBLOCK_USER ?? "admin@unblock.test",
    adminEmail: env.UNBLOCK_ADMIN_EMAIL || "admin@unblock.test",
    adminPassword: env.UNBLOCK_ADMIN_PASSWORD || undefined,
    trustProxy: env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true",
    logLevel: env.LOG_LEVEL ?? "info",
  };
}
