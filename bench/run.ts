import { cpus, loadavg, totalmem } from "node:os";
import type { Actor, AppDeps } from "../src/app/app-deps.ts";
import { createApiToken } from "../src/app/auth/api-tokens.ts";
import { systemActor } from "../src/app/auth/bootstrap-admin.ts";
import { databaseVacuumsByItself, vacuumPortfolio } from "../src/app/maintenance/vacuum-portfolio.ts";
import { findUserByEmail } from "../src/app/users/find-user.ts";
import { type Dataset, prepareDataset } from "./bench-datasets.ts";
import { type BenchOptions, readBenchOptions } from "./bench-options.ts";
import { type BenchSession, type CapturedQuery, openBenchSession, replay } from "./bench-session.ts";
import { escalationBacklog } from "./escalation-backlog.ts";
import { httpClient } from "./http-client.ts";
import { judgeBacklog } from "./judge-backlog.ts";
import { type LoadOptions, type LoadResult, runLoad, runSideBySide } from "./load.ts";
import { rawHttp } from "./raw-http.ts";
import { printResults } from "./results-table.ts";
import { benchImportBesideSql, type ImportBench, planImportFile } from "./scenarios/import-scenario.ts";
import { type BenchActors, type ReadScenario, readScenarios } from "./scenarios/read-scenarios.ts";
import { type PlannedWrite, planWrites } from "./scenarios/write-scenario.ts";
import { type ServerProcess, startServer } from "./server-process.ts";
import { waitUntilServerSettles } from "./server-settle.ts";
import { writeResults } from "./write-results.ts";

/**
 * `npm run bench`: the portfolio lists, the reports, status writes, CSV import
 * and export, on the PostgreSQL server (100,000 tenants by default) and on
 * PGlite (10,000). Each read is timed through HTTP against a real server
 * process and as the same SQL sent straight to the database, in the same run.
 * Prints a table and writes the figures to bench/results/ (write-results.ts).
 */

export interface ReadResult {
  group: "list" | "report";
  name: string;
  path: string;
  queries: number;
  http: LoadResult[];
  sql: LoadResult[];
}

export interface TargetResult {
  target: "postgres" | "pglite";
  dataset: Dataset;
  reads: ReadResult[];
  /** The same 2,000 entitlements every run (planWrites' "working set"). */
  writes: (LoadResult & { planned: number }) | null;
  /** Entitlements sampled from the whole portfolio, others every run ("spread"). */
  spreadWrites: (LoadResult & { planned: number }) | null;
  /** The import beside the same file loaded by hand-written SQL doing the same writes. */
  import: ImportBench | null;
  export: {
    rows: number;
    megabytes: number;
    seconds: number;
    rowsPerSecond: number;
    peakRssMb: number;
  } | null;
  server: { startRssMb: number; peakRssMb: number } | null;
  /** Set when the database does not vacuum by itself and the run vacuumed first (vacuumPortfolio). */
  vacuum: { seconds: number } | null;
  /** The notes judged before timing (judgeBacklog), so the server's judging job stays idle. */
  judged: { judged: number; seconds: number } | null;
  /** The rules' escalations raised before timing (escalationBacklog), so the server's job stays idle. */
  escalated: { raised: number; seconds: number; more: boolean } | null;
}

const options = readBenchOptions(process.argv.slice(2));
const startedAt = new Date();
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? "unknown",
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadAverageAtStart: loadavg().map((value) => Number(value.toFixed(2))),
};
const results: TargetResult[] = [];

for (const target of options.targets) {
  const tenants = target === "postgres" ? options.tenants : options.pgliteTenants;
  log(`\n== ${target}: preparing ${tenants} tenants`);
  const dataset = await prepareDataset(target, {
    tenants,
    serverUrl: options.serverUrl,
    reseed: options.reseed,
  });
  results.push(await benchTarget(dataset, options));
}

const output = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  machine: { ...machine, loadAverageAtEnd: loadavg().map((value) => Number(value.toFixed(2))) },
  options: { ...options, skip: [...options.skip], serverUrl: redact(options.serverUrl) },
  postgresVersion: await serverVersion(options),
  results,
};
printResults(output);
log(`figures written to ${writeResults(output)}`);

async function benchTarget(dataset: Dataset, options: BenchOptions): Promise<TargetResult> {
  const result: TargetResult = {
    target: dataset.target,
    dataset,
    reads: [],
    writes: null,
    spreadWrites: null,
    import: null,
    export: null,
    server: null,
    vacuum: null,
    judged: null,
    escalated: null,
  };
  const database = { url: dataset.url, dataDir: dataset.dataDir };

  // 1. In process: actors, tokens, the scenarios' SQL, planned writes.
  const session = await openBenchSession(database);
  // Where nothing vacuums (PGlite; a server with autovacuum off, as this machine's), every earlier
  // run's writes are still there as dead rows, and each run would measure a slower database than the
  // last (spread writes 929/s right after a vacuum, 533/s without one after a few runs). So the run
  // starts from what autovacuum would have left: the tables vacuumed.
  if (!(await databaseVacuumsByItself(session.deps))) {
    result.vacuum = { seconds: (await vacuumPortfolio(session.deps)).seconds };
    log(
      `vacuumed the portfolio's tables first (${result.vacuum.seconds.toFixed(1)} s): nothing else does here`,
    );
  }
  result.judged = await judgeBacklog(session.deps);
  log(`judged ${result.judged.judged} entitlements' notes first (${result.judged.seconds.toFixed(1)} s)`);
  result.escalated = await escalationBacklog(session.deps, (raised) => {
    if (raised > 0 && raised % 2_000 === 0) log(`raised ${raised} escalations so far`);
  });
  log(
    `raised ${result.escalated.raised} escalations first (${result.escalated.seconds.toFixed(1)} s)${result.escalated.more ? "; more are due, and the server raises them while reads are timed" : ""}`,
  );
  const actors = await benchActors(session.deps);
  const tokens = {
    admin: await tokenFor(session.deps, actors.admin),
    fm: await tokenFor(session.deps, actors.fm),
  };
  const scenarios = (await readScenarios(session.deps, actors)).filter(
    (scenario) => !options.skip.has(scenario.group === "list" ? "lists" : "reports"),
  );
  const captured = new Map<ReadScenario, CapturedQuery[]>();
  for (const scenario of scenarios) {
    // Once first, so one-off upkeep (an aggregate rebuild or fold-in) is not captured and replayed.
    await scenario.run(session.deps);
    captured.set(scenario, await session.capture(() => scenario.run(session.deps)));
    log(`captured ${captured.get(scenario)!.length} statements: ${scenario.name}`);
  }
  const writes = options.skip.has("writes")
    ? []
    : await planWrites(session.deps, actors.admin.role, options.requests.writes + 64, "working set");
  const spreadWrites = options.skip.has("writes")
    ? []
    : await planWrites(
        session.deps,
        actors.admin.role,
        options.requests.writes + 64,
        "spread",
        new Set(writes.map((write) => write.id)),
      );
  for (const scenario of scenarios) {
    result.reads.push({
      group: scenario.group,
      name: scenario.name,
      path: scenario.path,
      queries: captured.get(scenario)!.length,
      http: [],
      sql: [],
    });
  }
  const sqlOf = (position: number) => {
    const queries = captured.get(scenarios[position]!)!;
    return () => replay(session, queries);
  };
  // PGlite is one process's database: the server can only open it once this session is closed, so
  // there every read is timed as SQL first and through HTTP afterwards. On the server, one client at
  // a time alternates the two request by request (runSideBySide), so a change in the machine's load
  // (it is shared) moves both sides of a ratio alike; 16 clients time the SQL load straight before
  // the same load through HTTP, since 16 of each at once would make each side wait for the other.
  const interleaved = dataset.target === "postgres";
  let sessionOpen = true;
  const closeSession = async () => {
    if (sessionOpen) await session.close();
    sessionOpen = false;
  };
  if (!interleaved) {
    for (const [position, read] of result.reads.entries()) {
      read.sql = await timeEach(options, sqlOf(position));
      log(`sql ${read.name}: ${summary(read.sql)}`);
    }
    await closeSession();
  }

  // 2. The server in its own process: the reads through HTTP (and as SQL, on the server), writes, export.
  const server = await startServer(database).catch(async (error: unknown) => {
    await closeSession();
    throw error;
  });
  let peak = server.rssMb();
  const startRss = peak;
  const sampler = setInterval(() => {
    peak = Math.max(peak, server.rssMb());
  }, 200);
  try {
    // What a fresh server runs once at start (hourly jobs due at once) is not what a read meets day to day.
    if (interleaved)
      log(`server settled in ${(await waitUntilServerSettles(session, server.pid)).toFixed(1)} s`);
    const client = httpClient(server.origin, 32);
    for (const [position, scenario] of scenarios.entries()) {
      const read = result.reads[position]!;
      const token = tokens[scenario.user];
      const viaHttp = () => client.get(scenario.path, token);
      for (const level of loadLevels(options)) {
        if (interleaved && level.concurrency === 1) {
          const [sql, http] = await runSideBySide([once(sqlOf(position)), once(viaHttp)], level);
          read.sql.push(sql!);
          read.http.push(http!);
        } else if (interleaved) {
          read.sql.push(await runLoad(once(sqlOf(position)), level));
          read.http.push(await runLoad(once(viaHttp), level));
        } else {
          read.http.push(await runLoad(once(viaHttp), level));
        }
      }
      if (interleaved) log(`sql ${scenario.name}: ${summary(read.sql)}`);
      log(`http ${scenario.name}: ${summary(read.http)}`);
    }
    await closeSession();
    if (writes.length > 0) result.writes = await benchWrites(server, tokens.admin, writes, options);
    if (spreadWrites.length > 0) {
      result.spreadWrites = await benchWrites(server, tokens.admin, spreadWrites, options);
    }
    if (!options.skip.has("export")) result.export = await benchExport(server, client, tokens.admin, options);
    await client.close();
  } finally {
    await closeSession();
    clearInterval(sampler);
    peak = Math.max(peak, server.rssMb());
    await server.stop();
  }
  result.server = { startRssMb: startRss, peakRssMb: peak };

  // 3. Import, in process (as `unblock import` runs it), beside a same-work SQL load of the same file.
  if (!options.skip.has("import")) {
    const importSession = await openBenchSession(database);
    try {
      result.import = await benchImport(importSession, actors.admin, options.importRows, dataset.url);
    } finally {
      await importSession.close();
    }
  }
  return result;
}

/** The two loads every read is timed under: one client at a time, then 16 at once. */
function loadLevels(options: BenchOptions): LoadOptions[] {
  return [
    { concurrency: 1, requests: options.requests.c1, warmup: 3, maxSeconds: options.maxSeconds.c1 },
    { concurrency: 16, requests: options.requests.c16, warmup: 16, maxSeconds: options.maxSeconds.c16 },
  ];
}

function once(task: () => Promise<unknown>): () => Promise<void> {
  return async () => {
    await task();
  };
}

async function timeEach(options: BenchOptions, task: () => Promise<unknown>): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const level of loadLevels(options)) results.push(await runLoad(once(task), level));
  return results;
}

async function benchWrites(
  server: ServerProcess,
  token: string,
  writes: PlannedWrite[],
  options: BenchOptions,
): Promise<LoadResult & { planned: number }> {
  // The writes' own lean client (raw-http.ts), their bodies serialised before the clock starts: the
  // client shares the cores with the server, and undici cost 0.5 ms of CPU a write.
  const client = rawHttp(server.origin);
  const bodies = writes.map((write) => JSON.stringify(write.body));
  const load = await runLoad(
    async (index) => {
      const write = writes[index];
      if (!write) throw new Error("ran out of planned writes");
      const path = `/api/entitlements/${write.id}/status`;
      const answer = await client.send("PUT", path, token, bodies[index]!);
      if (answer.status !== 200)
        throw new Error(`PUT ${path}: ${answer.status} ${answer.body.slice(0, 300)}`);
      // A write the API found to change nothing answers the version it was sent: count it as failed,
      // so that "written" means written.
      const { version } = JSON.parse(answer.body) as { version?: number };
      if (version !== write.body.version + 1)
        throw new Error(`the write left version ${version}: nothing changed`);
    },
    {
      concurrency: 32,
      requests: Math.min(options.requests.writes, writes.length - 64),
      warmup: 64,
      maxSeconds: 60,
    },
  ).finally(() => client.close());
  log(
    `writes c=32: ${load.perSecond.toFixed(0)}/s p95 ${load.p95.toFixed(1)} ms, errors ${load.errors} ${load.firstError ?? ""}`,
  );
  return { ...load, planned: writes.length };
}

async function benchExport(
  server: ServerProcess,
  client: ReturnType<typeof httpClient>,
  token: string,
  options: BenchOptions,
): Promise<TargetResult["export"]> {
  server.resetPeak();
  const path = options.exportAll ? "/api/export.csv" : "/api/export.csv?serviceId=exchange";
  const started = performance.now();
  const { lines, bytes } = await client.getLines(path, token);
  const seconds = (performance.now() - started) / 1000;
  const rows = Math.max(0, lines - 1);
  const result = {
    rows,
    megabytes: bytes / 1e6,
    seconds,
    rowsPerSecond: rows / seconds,
    peakRssMb: server.peakRssMb(),
  };
  log(
    `export: ${rows} rows in ${seconds.toFixed(1)} s (${((seconds * 1e6) / Math.max(1, rows)).toFixed(1)} s per million), server peak RSS ${result.peakRssMb.toFixed(0)} MB`,
  );
  return result;
}

async function benchImport(
  session: BenchSession,
  admin: Actor,
  rows: number,
  url: string | undefined,
): Promise<TargetResult["import"]> {
  const csvText = await planImportFile(session.deps, admin, rows);
  const result = await benchImportBesideSql(session, admin, csvText, url);
  log(
    `import: ${result.rows} rows in ${result.seconds.toFixed(1)} s (load ${result.loadAverage.import}); same-work SQL ${result.sqlSeconds.toFixed(1)} s (load ${result.loadAverage.sql}); steps ${JSON.stringify(result.sqlSteps, (_, value) => (typeof value === "number" ? Math.round(value) : value))}`,
  );
  return result;
}

async function benchActors(deps: AppDeps): Promise<BenchActors> {
  const admin = await findUserByEmail(deps, "admin@unblock.test");
  const fm = await findUserByEmail(deps, "delivery.fm@unblock.test");
  if (!admin || !fm)
    throw new Error("The demo users are missing: seed the benchmark database with unblock seed --demo.");
  return { admin, fm };
}

async function tokenFor(deps: AppDeps, actor: Actor): Promise<string> {
  const created = await createApiToken(
    deps,
    { actor: systemActor, source: "system" },
    { userId: actor.id, name: "benchmark", expiresInDays: 1 },
  );
  return created.token;
}

async function serverVersion(options: BenchOptions): Promise<string | null> {
  if (!options.targets.includes("postgres")) return null;
  const session = await openBenchSession({ url: options.serverUrl, poolSize: 1 });
  try {
    const { rows } = await session.query("select version() as version", []);
    return String((rows[0] as { version: string }).version);
  } finally {
    await session.close();
  }
}

function summary(loads: LoadResult[]): string {
  return loads
    .map(
      (load) =>
        `c${load.concurrency} p50 ${load.p50.toFixed(1)} p95 ${load.p95.toFixed(1)} ms (${load.requests}, ${load.errors} errors)`,
    )
    .join("; ");
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}
