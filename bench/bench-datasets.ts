import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openBenchSession } from "./bench-session.ts";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

export interface Dataset {
  target: "postgres" | "pglite";
  url?: string;
  dataDir?: string;
  tenants: number;
  /** Seconds `unblock seed` took in this run, or null when the data was already there. */
  seedSeconds: number | null;
  counts: Record<string, number>;
}

/** Runs the CLI as a user would, with the benchmark database in its environment. */
function cli(args: string[], database: { url?: string; dataDir?: string }): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  delete env.UNBLOCK_DATA_DIR;
  if (database.url) env.DATABASE_URL = database.url;
  if (database.dataDir) env.UNBLOCK_DATA_DIR = database.dataDir;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/unblock.js", ...args], {
      cwd: repoRoot,
      env,
      stdio: "inherit",
    });
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`unblock ${args.join(" ")} exited with ${code}`)),
    );
  });
}

async function ensureServerDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

async function countRows(database: { url?: string; dataDir?: string }): Promise<Record<string, number>> {
  const session = await openBenchSession({ ...database, poolSize: 1 });
  try {
    const exists = await session.deps.database.execute(
      "select to_regclass('public.tenants') is not null as ok",
    );
    if (exists.rows[0]?.ok !== true) return { tenants: 0 };
    const { rows } = await session.deps.database.execute(
      `select (select count(*) from customers)::int as customers, (select count(*) from tenants)::int as tenants,
              (select count(*) from entitlements)::int as entitlements, (select count(*) from status_segments)::int as segments,
              (select count(*) from status_history)::int as "historyRows"`,
    );
    return rows[0] as Record<string, number>;
  } finally {
    await session.close();
  }
}

/**
 * The benchmark's database with `tenants` tenants: reused when it already
 * holds exactly that many (seeding 100,000 tenants takes minutes), else seeded
 * afresh with `unblock seed --demo --tenants N --reset`, timed.
 */
export async function prepareDataset(
  target: "postgres" | "pglite",
  options: { tenants: number; serverUrl: string; reseed: boolean },
): Promise<Dataset> {
  const database =
    target === "postgres"
      ? { url: options.serverUrl }
      : { dataDir: fileURLToPath(new URL(`./data/pglite-${options.tenants}`, import.meta.url)) };
  if (database.url) await ensureServerDatabase(database.url);
  await cli(["migrate"], database);
  let counts = await countRows(database);
  let seedSeconds: number | null = null;
  if (options.reseed || counts.tenants !== options.tenants) {
    const started = performance.now();
    await cli(["seed", "--demo", "--tenants", String(options.tenants), "--reset"], database);
    seedSeconds = (performance.now() - started) / 1000;
    counts = await countRows(database);
  }
  return { target, ...database, tenants: options.tenants, seedSeconds, counts };
}
