import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, openAsBlob, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, hostname, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { type BenchFeedRows, writeBenchFeed } from "./scenarios/feed-files.ts";
import { loadFeedBySql } from "./scenarios/feed-sql-load.ts";
import { startServer } from "./server-process.ts";

/**
 * `npm run bench:feed`: the portfolio feed sync on the PostgreSQL server,
 * beside a set-based SQL load of the same files into the same tables (COPY
 * into staging, INSERT ... ON CONFLICT). Times the initial sync, a re-sync of
 * the unchanged files and a sync changing 1% of entitlements, each through the
 * CLI as users run it, with the CLI's peak memory. Writes its figures to
 * bench/results/feed-<start>-<machine>.json.
 */

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const admin = "bench-feed-admin@example.test";

interface SyncRun {
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  /** added + changed + ended over every file, from the sync's own report. */
  written: number;
  report: Record<string, unknown>;
}

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { tenants: { type: "string" }, services: { type: "string" }, points: { type: "string" } },
  });
  const whole = (value: string | undefined, fallback: number) =>
    value === undefined ? fallback : Number(value);
  const base = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/unblock_bench";
  return {
    tenants: whole(values.tenants, 100_000),
    services: whole(values.services, 14),
    usagePoints: whole(values.points, 12),
    syncUrl: `${base}_feed`,
    sqlUrl: `${base}_feed_sql`,
  };
}

async function freshDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const server = new URL(url);
  server.pathname = "/postgres";
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

/** Runs the CLI against a database; resolves with its stdout and the kernel's peak RSS of the process. */
function cli(url: string, args: string[]): Promise<{ stdout: string; peakRssMb: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn", DATABASE_URL: url };
  delete env.UNBLOCK_DATA_DIR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/unblock.js", ...args], { cwd: repoRoot, env });
    let stdout = "";
    let peak = 0;
    const sample = setInterval(() => {
      try {
        const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (match) peak = Math.max(peak, Number(match[1]) / 1024);
      } catch {
        // The process ended between two samples.
      }
    }, 100);
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.pipe(process.stderr);
    child.once("exit", (code) => {
      clearInterval(sample);
      if (code === 0) resolve({ stdout, peakRssMb: Math.round(peak) });
      else reject(new Error(`unblock ${args.join(" ")} exited with ${code}`));
    });
  });
}

async function prepare(url: string): Promise<string[]> {
  await freshDatabase(url);
  await cli(url, ["migrate"]);
  await cli(url, ["users", "add", admin, "--name", "Bench Admin", "--role", "admin"]);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>("select id from services order by id");
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

async function sync(url: string, folder: string, rows: number): Promise<SyncRun> {
  const started = performance.now();
  const { stdout, peakRssMb } = await cli(url, ["portfolio", "sync", folder, "--json", "--as", admin]);
  const seconds = (performance.now() - started) / 1000;
  const report = JSON.parse(stdout) as Record<string, { added: number; changed: number; ended: number }>;
  const written = ["customers", "tenants", "entitlements", "people", "usage"].reduce((sum, file) => {
    const counts = report[file];
    return sum + (counts ? counts.added + counts.changed + counts.ended : 0);
  }, 0);
  return { seconds: round(seconds), rowsPerSecond: Math.round(rows / seconds), peakRssMb, written, report };
}

/**
 * The same sync through the server, as the Admin page sends it: the files
 * uploaded to POST /api/portfolio/sync, the job followed until done. Times
 * the whole round and reads the server's peak resident memory meanwhile.
 */
async function syncThroughServer(
  url: string,
  folder: string,
): Promise<{ seconds: number; peakRssMb: number; written: number }> {
  const token = (await cli(url, ["users", "token", admin, "--name", "bench", "--as", admin])).stdout.trim();
  const server = await startServer({ url });
  try {
    server.resetPeak();
    const started = performance.now();
    const form = new FormData();
    for (const file of ["customers", "tenants", "entitlements", "usage"]) {
      form.append(file, await openAsBlob(join(folder, `${file}.csv`)), `${file}.csv`);
    }
    const headers = { authorization: `Bearer ${token}` };
    const queued = await fetch(`${server.origin}/api/portfolio/sync`, {
      method: "POST",
      headers,
      body: form,
    });
    if (queued.status !== 202) throw new Error(`upload: ${queued.status} ${await queued.text()}`);
    const { id } = (await queued.json()) as { id: number };
    for (;;) {
      const state = (await (
        await fetch(`${server.origin}/api/portfolio/syncs/${id}`, { headers })
      ).json()) as {
        state: string;
        report: Record<string, { added: number; changed: number; ended: number }> | null;
      };
      if (state.state === "failed") throw new Error(`server sync failed: ${JSON.stringify(state)}`);
      if (state.state === "done") {
        const written = ["customers", "tenants", "entitlements", "usage"].reduce((sum, file) => {
          const counts = state.report?.[file];
          return sum + (counts ? counts.added + counts.changed + counts.ended : 0);
        }, 0);
        return {
          seconds: round((performance.now() - started) / 1000),
          peakRssMb: Math.round(server.peakRssMb()),
          written,
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await server.stop();
  }
}

const round = (value: number) => Math.round(value * 100) / 100;
const total = (rows: BenchFeedRows) => rows.customers + rows.tenants + rows.entitlements + rows.usage;

async function main(): Promise<void> {
  const opts = options();
  const startedAt = new Date().toISOString();
  const folders = {
    base: mkdtempSync(join(tmpdir(), "feed-base-")),
    changed: mkdtempSync(join(tmpdir(), "feed-1pct-")),
  };
  try {
    const services = (await prepare(opts.syncUrl)).slice(0, opts.services);
    await prepare(opts.sqlUrl);
    const shape = { tenants: opts.tenants, services, usagePoints: opts.usagePoints };
    const rows = await writeBenchFeed(folders.base, { ...shape, changedShare: 0 });
    await writeBenchFeed(folders.changed, { ...shape, changedShare: 0.01 });
    const all = total(rows);
    process.stdout.write(`Feed: ${JSON.stringify(rows)} (${all} rows)\n`);

    const sqlInitial = await loadFeedBySql(opts.sqlUrl, folders.base);
    const sqlAgain = await loadFeedBySql(opts.sqlUrl, folders.base);
    const initial = await sync(opts.syncUrl, folders.base, all);
    const again = await sync(opts.syncUrl, folders.base, all);
    const onePercent = await sync(opts.syncUrl, folders.changed, all);
    // Back to the base files, through the server: a sync reading entitlements and usage again.
    const server = await syncThroughServer(opts.syncUrl, folders.base);
    const result = {
      startedAt,
      machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30) },
      feed: { ...rows, services: services.length, usagePoints: opts.usagePoints },
      sqlLoad: {
        initialSeconds: round(sqlInitial),
        againSeconds: round(sqlAgain),
        rowsPerSecond: Math.round(all / sqlInitial),
      },
      initial,
      unchanged: again,
      onePercent,
      server,
      ratios: {
        initialVsSql: round(sqlInitial / initial.seconds),
        unchangedSpeedup: round(initial.seconds / again.seconds),
        onePercentVsInitial: round(onePercent.seconds / initial.seconds),
      },
    };
    const summary = {
      ...result,
      initial: { ...initial, report: undefined },
      unchanged: { ...again, report: undefined },
    };
    process.stdout.write(
      `${JSON.stringify({ ...summary, onePercent: { ...onePercent, report: undefined } }, null, 2)}\n`,
    );
    const directory = join(repoRoot, "bench/results");
    mkdirSync(directory, { recursive: true });
    const machine = `${hostname()}-${cpus().length}cpu`.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
    const path = join(directory, `feed-${startedAt.slice(0, 16).replace(":", "")}-${machine}.json`);
    writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`Figures written to ${path}\n`);
  } finally {
    rmSync(folders.base, { recursive: true, force: true });
    rmSync(folders.changed, { recursive: true, force: true });
  }
}

await main();
