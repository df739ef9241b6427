import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import pg from "pg";
import type { Actor } from "../src/app/app-deps.ts";
import { createApiToken } from "../src/app/auth/api-tokens.ts";
import { systemActor } from "../src/app/auth/bootstrap-admin.ts";
import { setStatus } from "../src/app/entitlements/set-status.ts";
import { databaseVacuumsByItself, vacuumPortfolio } from "../src/app/maintenance/vacuum-portfolio.ts";
import { findUserByEmail } from "../src/app/users/find-user.ts";
import { observeStatusWriteBatches } from "../src/db/infra/status-write-queue.ts";
import { openBenchSession } from "./bench-session.ts";
import { httpClient } from "./http-client.ts";
import { runLoad } from "./load.ts";
import { rawHttp } from "./raw-http.ts";
import { planWrites } from "./scenarios/write-scenario.ts";
import { startServer } from "./server-process.ts";

/**
 * `npx tsx bench/write-profile.ts [--writes N] [--working-set] [--in-process]
 * [--origin URL --server-pid N]`: what one
 * status write costs the PostgreSQL server, as figures that do not move with
 * the machine's load as throughput does. Runs N spread writes (as the bench
 * does, c=32, through HTTP) against BENCH_DATABASE_URL and prints, per write:
 * CPU of that database's backends and of the server's background processes
 * (from /proc), CPU of the Unblock server, rows and HOT updates per table,
 * index entries and buffers touched per index, WAL records and bytes, and the
 * time in each PL/pgSQL function (when track_functions is on for the database).
 */

const args = process.argv.slice(2);
const count = Number(args[args.indexOf("--writes") + 1] ?? 0) || 2000;
const where = args.includes("--working-set") ? "working set" : "spread";
const inProcess = args.includes("--in-process");
/** `--concurrency N`: writers at once (32 as the bench); fewer make smaller group-commit batches. */
const concurrency = args.includes("--concurrency") ? Number(args[args.indexOf("--concurrency") + 1]) : 32;
const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/unblock_bench";
const database = new URL(url).pathname.slice(1);
const ticks = 100; // USER_HZ on Linux

interface Snapshot {
  backendsCpu: number;
  /** This process: the HTTP client (through HTTP) or the writes and driver (in process). */
  selfCpu: number;
  auxCpu: number;
  serverCpu: number;
  tables: Map<string, Record<string, number>>;
  indexes: Map<string, Record<string, number>>;
  functions: Map<string, Record<string, number>>;
  wal: Record<string, number>;
  /** The database's commits (one per statement outside a transaction) and buffer reads. */
  database: Record<string, number>;
}

/** CPU seconds (user + system) of a process, from /proc/<pid>/stat. */
function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / ticks;
  } catch {
    return 0; // ended in between
  }
}

/** PostgreSQL's processes: backends of this database, and the shared background ones. */
function postgresCpu(only: ReadonlySet<number> | null): { backends: number; aux: number; pids: number[] } {
  let backends = 0;
  let aux = 0;
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let command: string;
    try {
      command = readFileSync(`/proc/${entry}/cmdline`, "utf8");
    } catch {
      continue;
    }
    if (!command.startsWith("postgres: ")) continue;
    if (only ? only.has(Number(entry)) : command.includes(` ${database} `)) {
      backends += cpuOf(Number(entry));
      pids.push(Number(entry));
    } else if (/walwriter|checkpointer|background writer/.test(command)) aux += cpuOf(Number(entry));
  }
  return { backends, aux, pids };
}

async function keyed(client: pg.Client, text: string): Promise<Map<string, Record<string, number>>> {
  const { rows } = await client.query(text);
  return new Map(
    rows.map((row: Record<string, unknown>) => {
      const { name, ...rest } = row;
      return [String(name), Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, Number(v)]))];
    }),
  );
}

async function snapshot(
  client: pg.Client,
  serverPid: number,
  pids: ReadonlySet<number> | null,
): Promise<Snapshot> {
  await client.query("select pg_stat_clear_snapshot()");
  const cpu = postgresCpu(pids);
  const tables = await keyed(
    client,
    `select t.relname as name, n_tup_ins as ins, n_tup_upd as upd, n_tup_hot_upd as hot, n_tup_del as del,
            heap_blks_read + heap_blks_hit as heap_blks, heap_blks_read as heap_read
       from pg_stat_user_tables t join pg_statio_user_tables io using (relid)`,
  );
  const indexes = await keyed(
    client,
    `select s.indexrelname as name, idx_scan as scans, idx_tup_read as tup_read,
            idx_blks_read + idx_blks_hit as blks, idx_blks_read as blks_read
       from pg_stat_user_indexes s join pg_statio_user_indexes io using (indexrelid)`,
  );
  const functions = await keyed(
    client,
    "select funcname as name, calls, self_time as self_ms, total_time as total_ms from pg_stat_user_functions",
  );
  const wal = (await client.query("select wal_records, wal_fpi, wal_bytes from pg_stat_wal")).rows[0];
  const database = (
    await client.query(
      "select xact_commit, blks_read, blks_hit from pg_stat_database where datname = current_database()",
    )
  ).rows[0];
  const self = process.cpuUsage();
  return {
    backendsCpu: cpu.backends,
    selfCpu: (self.user + self.system) / 1e6,
    auxCpu: cpu.aux,
    serverCpu: cpuOf(serverPid),
    tables,
    indexes,
    functions,
    wal: Object.fromEntries(Object.entries(wal).map(([k, v]) => [k, Number(v)])),
    database: Object.fromEntries(Object.entries(database).map(([k, v]) => [k, Number(v)])),
  };
}

function deltas(
  before: Map<string, Record<string, number>>,
  after: Map<string, Record<string, number>>,
  per: number,
): [string, Record<string, string>][] {
  const out: [string, Record<string, string>][] = [];
  for (const [name, values] of after) {
    const was = before.get(name) ?? {};
    const row = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, ((value - (was[key] ?? 0)) / per).toFixed(2)]),
    );
    if (Object.values(row).some((value) => Number(value) !== 0 && Number.isFinite(Number(value))))
      out.push([name, row]);
  }
  return out;
}

async function main(): Promise<void> {
  // In process, the writes' backends are the session's own (named): a server would share its
  // connections with its background jobs, whose work would count as the writes' cost.
  const session = await openBenchSession({ url: inProcess ? withName(url) : url });
  if (!(await databaseVacuumsByItself(session.deps))) await vacuumPortfolio(session.deps);
  const admin = (await findUserByEmail(session.deps, "admin@unblock.test")) as Actor | null;
  if (!admin) throw new Error("seed the benchmark database first (npm run bench)");
  const writes = await planWrites(session.deps, admin.role, count + 64, where);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let stop: () => Promise<void> = () => session.close();
  let put: (index: number) => Promise<void>;
  let nodePid = process.pid;
  let origin: string | null = null;
  if (inProcess) {
    put = async (index) => {
      const write = writes[index];
      if (!write) throw new Error("ran out of planned writes");
      await setStatus(session.deps, {
        entitlementId: write.id,
        version: write.body.version,
        segments: write.body.segments,
        actor: admin,
        source: "api",
      });
    };
  } else {
    const { token } = await createApiToken(
      session.deps,
      { actor: systemActor, source: "system" },
      { userId: admin.id, name: "write profile", expiresInDays: 1 },
    );
    await session.close();
    // --origin URL --server-pid N: a server started by hand (under a profiler, say) instead of one started here.
    const given = args.includes("--origin")
      ? {
          origin: args[args.indexOf("--origin") + 1]!,
          pid: Number(args[args.indexOf("--server-pid") + 1]),
          stop: async () => undefined,
        }
      : null;
    const server = given ?? (await startServer({ url }));
    // BENCH_CLIENT=undici: the reads' client (http-client.ts) instead of the writes' (raw-http.ts).
    const undici = process.env.BENCH_CLIENT === "undici" ? httpClient(server.origin, 32) : null;
    const http = rawHttp(server.origin);
    const bodies = writes.map((write) => JSON.stringify(write.body));
    nodePid = server.pid;
    origin = server.origin;
    stop = async () => {
      http.close();
      await undici?.close();
      await server.stop();
    };
    put = async (index) => {
      const write = writes[index];
      if (!write) throw new Error("ran out of planned writes");
      const path = `/api/entitlements/${write.id}/status`;
      if (undici) {
        await undici.put(path, token, write.body);
        return;
      }
      const { status, body } = await http.send("PUT", path, token, bodies[index]!);
      if (status !== 200) throw new Error(`PUT ${path}: ${status} ${body.slice(0, 300)}`);
    };
  }
  try {
    // The warm-up (connections, prepared statements) runs before the first snapshot.
    await runLoad(put, { concurrency, requests: 0, warmup: 64, maxSeconds: 60 });
    if (!inProcess) await quiet(client);
    const pids = inProcess ? await namedBackends(client) : null;
    const offset = 64;
    // PERF=<file>: perf samples the writes' backends during the measured writes (perf report -i <file>).
    const perf = process.env.PERF
      ? spawn(
          "perf",
          ["record", "-F", "997", "-g", "-o", process.env.PERF, "-p", postgresCpu(pids).pids.join(",")],
          {
            stdio: "ignore",
          },
        )
      : null;
    const serverBefore = origin ? await serverFigures(origin) : null;
    const batches = { count: 0, writes: 0 };
    const stopWatching = observeStatusWriteBatches((size) => {
      batches.count += 1;
      batches.writes += size;
    });
    const before = await snapshot(client, nodePid, pids);
    const load = await runLoad((index) => put(index + offset), {
      concurrency,
      requests: Math.min(count, writes.length - offset),
      warmup: 0,
      maxSeconds: 120,
    });
    perf?.kill("SIGINT");
    await new Promise((resolve) => setTimeout(resolve, 1500)); // backends flush their statistics
    const after = await snapshot(client, nodePid, pids);
    if (load.firstError) console.log(`first error: ${load.firstError}`);
    report(load.requests, load.perSecond, load.errors, before, after);
    stopWatching();
    if (inProcess)
      console.log(
        `${(batches.writes / Math.max(1, batches.count)).toFixed(1)} writes per group-commit batch`,
      );
    if (origin && serverBefore) {
      const serverAfter = await serverFigures(origin);
      const delta = (key: keyof typeof serverAfter) => serverAfter[key] - serverBefore[key];
      console.log(
        `server per write: ${(delta("statements") / load.requests).toFixed(2)} statements sent, ${(
          delta("batchedWrites") / Math.max(1, delta("batches"))
        ).toFixed(1)} writes per group-commit batch`,
      );
    }
    await takeNotes(client, load.requests);
  } finally {
    await client.end();
    await stop();
  }
}

/** The server's own counters (GET /metrics, open to loopback): statements sent, group-commit batches. */
async function serverFigures(
  origin: string,
): Promise<{ statements: number; batches: number; batchedWrites: number }> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? Number.NaN);
  return {
    statements: value("unblock_db_queries_total"),
    batches: value("unblock_status_write_batch_size_count"),
    batchedWrites: value("unblock_status_write_batch_size_sum"),
  };
}

const profileName = "unblock-write-profile";

/** What the notes' search table costs to catch up on the writes' changed notes (drizzle/0025), per write. */
async function takeNotes(client: pg.Client, writes: number): Promise<void> {
  const { rows } = await client.query(
    "select pg_backend_pid() as pid, count(*)::int as pending from note_search_pending",
  );
  const { pid, pending } = rows[0] as { pid: number; pending: number };
  const cpu = cpuOf(pid);
  const started = performance.now();
  let taken = 0;
  for (;;) {
    const batch = (await client.query("select unblock_index_notes(2000) as n")).rows[0].n as number;
    taken += batch;
    if (batch < 2000) break;
  }
  const ms = performance.now() - started;
  console.log(
    `notes taken into note_search: ${taken} of ${pending} pending in ${ms.toFixed(0)} ms, CPU ${(((cpuOf(pid) - cpu) * 1000) / writes).toFixed(3)} ms per write`,
  );
}

function withName(address: string): string {
  const named = new URL(address);
  named.searchParams.set("application_name", profileName);
  return named.toString();
}

async function namedBackends(client: pg.Client): Promise<Set<number>> {
  const { rows } = await client.query("select pid from pg_stat_activity where application_name = $1", [
    profileName,
  ]);
  return new Set(rows.map((row: { pid: number }) => row.pid));
}

/**
 * Waits (at most 5 minutes) until no other session of the database is busy: a
 * server started on a copy runs its day's jobs first (quality checks, overdue
 * next actions), which would count as the writes' cost.
 */
async function quiet(client: pg.Client): Promise<void> {
  let calm = 0;
  for (let waited = 0; waited < 300 && calm < 3; waited += 1) {
    const { rows } = await client.query(
      "select count(*)::int as busy from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state = 'active'",
    );
    calm = rows[0].busy === 0 ? calm + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function report(n: number, perSecond: number, errors: number, before: Snapshot, after: Snapshot): void {
  const ms = (a: number, b: number) => (((b - a) * 1000) / n).toFixed(3);
  console.log(
    `${where} writes: ${n} at c=${concurrency}, ${perSecond.toFixed(0)}/s, ${errors} errors; load ${loadavg()
      .map((v) => v.toFixed(2))
      .join(" ")}`,
  );
  console.log(
    `CPU ms per write: postgres backends ${ms(before.backendsCpu, after.backendsCpu)}, background ${ms(
      before.auxCpu,
      after.auxCpu,
    )}, ${inProcess ? "node (writes and driver)" : "unblock server"} ${ms(before.serverCpu, after.serverCpu)}${
      inProcess ? "" : `, bench client ${ms(before.selfCpu, after.selfCpu)}`
    }`,
  );
  const wal = after.wal;
  console.log(
    `WAL per write: ${((wal.wal_records! - before.wal.wal_records!) / n).toFixed(1)} records, ${(
      (wal.wal_fpi! - before.wal.wal_fpi!) / n
    ).toFixed(2)} full pages, ${((wal.wal_bytes! - before.wal.wal_bytes!) / n).toFixed(0)} bytes`,
  );
  const db = (key: string) => ((after.database[key]! - before.database[key]!) / n).toFixed(2);
  console.log(
    `database per write: ${db("xact_commit")} commits, ${db("blks_read")} blocks read (not in shared buffers), ${db("blks_hit")} hit`,
  );
  console.log("tables per write:");
  for (const [name, row] of deltas(before.tables, after.tables, n))
    console.log(`  ${name} ${JSON.stringify(row)}`);
  console.log("indexes per write:");
  for (const [name, row] of deltas(before.indexes, after.indexes, n))
    console.log(`  ${name} ${JSON.stringify(row)}`);
  console.log("functions per write (ms):");
  for (const [name, row] of deltas(before.functions, after.functions, n))
    console.log(`  ${name} ${JSON.stringify(row)}`);
}

await main();
