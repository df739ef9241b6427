import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { Actor, AppDeps } from "../../src/app/app-deps.ts";
import { exportEntitlements } from "../../src/app/entitlements/export-entitlements.ts";
import { importStatuses } from "../../src/app/entitlements/import-statuses.ts";
import { AppError } from "../../src/domain/app-error.ts";
import type { BenchSession } from "../bench-session.ts";
import {
  loadImportBySql,
  openSqlConnection,
  type SqlConnection,
  type WriteDigest,
  writeDigest,
} from "./import-sql-load.ts";
import { benchRun } from "./write-scenario.ts";

class EnoughRows extends Error {}

const reviewed = / ?Reviewed in the nightly update \([^)]*\)\./g;

/**
 * An import file of about `rows` segment rows: the current statuses exported
 * (so every key is right), each note changed so that every service is a real
 * change, and the services the rules would now refuse (a target date that has
 * passed since the seed) left out after a dry run. The nightly bulk update.
 */
export async function planImportFile(deps: AppDeps, actor: Actor, rows: number): Promise<string> {
  const chunks: string[] = [];
  let lines = 0;
  try {
    await exportEntitlements(deps, actor, {}, "csv", (chunk) => {
      chunks.push(chunk);
      lines += chunk.split("\n").length - 1;
      if (lines > rows) throw new EnoughRows();
    });
  } catch (error) {
    if (!(error instanceof EnoughRows)) throw error;
  }
  const records = parse(chunks.join(""), { relax_column_count: true }) as string[][];
  const header = records[0]!;
  const note = header.indexOf("note");
  const domain = header.indexOf("tenant_domain");
  const service = header.indexOf("service");
  // The last service may be cut short by the row limit: keep whole services only.
  const last = records[records.length - 1]!;
  let body = records
    .slice(1)
    .filter((record) => !(record[domain] === last[domain] && record[service] === last[service]));
  body = body.map((record, index) => {
    const copy = [...record];
    // The suffix replaces an earlier run's, so the notes do not grow from one run to the next, and
    // names this run, so that every service is a change (see benchRun).
    copy[note] =
      `${(copy[note] ?? "").replace(reviewed, "")} Reviewed in the nightly update (${benchRun}, ${index}).`.trim();
    return copy;
  });

  const text = () => stringify([header, ...body]);
  const report = await importStatuses(deps, { csvText: text(), actor, dryRun: true });
  if (report.errors.length > 0) {
    const refused = new Set(
      report.errors.map((error) => {
        const record = body[error.row - 2];
        return record ? `${record[domain]}|${record[service]}` : "";
      }),
    );
    body = body.filter((record) => !refused.has(`${record[domain]}|${record[service]}`));
  }
  return text();
}

export interface ImportTiming {
  rows: number;
  changed: number;
  seconds: number;
  rowsPerSecond: number;
}

/** The import use-case as the CLI runs it: parse, judge every row by the rules, write all or nothing. */
export async function timeImport(deps: AppDeps, actor: Actor, csvText: string): Promise<ImportTiming> {
  const started = performance.now();
  try {
    const report = await importStatuses(deps, { csvText, actor });
    const seconds = (performance.now() - started) / 1000;
    return { rows: report.rows, changed: report.changed, seconds, rowsPerSecond: report.rows / seconds };
  } catch (error) {
    if (error instanceof AppError) throw new Error(`The import was refused: ${error.message}`);
    throw error;
  }
}

export interface ImportBench extends ImportTiming {
  /** The same file by hand-written SQL doing the same writes (import-sql-load.ts), just before. */
  sqlSeconds: number;
  sqlRowsPerSecond: number;
  /** import rows/s over the SQL load's. */
  ratio: number;
  sqlSteps: Record<string, number>;
  /** Rows each added per table, and whether the changed entitlements ended up the same. */
  written: { import: Record<string, number>; sql: Record<string, number>; sameStatus: boolean };
  loadAverage: { sql: number; import: number };
  /**
   * CPU seconds each spent, PostgreSQL's backends and this process apart (the
   * backends' null when the server's processes cannot be read here): on a
   * shared machine wall time waits for cores, CPU time does not.
   */
  cpu: { sql: CpuSeconds; import: CpuSeconds };
}

export interface CpuSeconds {
  postgres: number | null;
  node: number;
}

/**
 * The import beside its yardstick, back to back on the same data: the SQL
 * load first (rolled back), then the import for real; each one's written rows
 * counted and the changed entitlements' stored status compared.
 */
export async function benchImportBesideSql(
  session: BenchSession,
  admin: Actor,
  csvText: string,
  url: string | undefined,
): Promise<ImportBench> {
  const connection = await openSqlConnection(session, url);
  // PGlite runs in this process: its CPU time is the node figure.
  const onServer = session.kind === "postgres";
  try {
    const before = await writeDigest(connection, []);
    const sqlCpu = await cpuMeter(connection, onServer);
    const sql = await loadImportBySql(connection, session.deps.playbook.index, admin, csvText);
    const sqlSpent = await sqlCpu();
    const sqlLoad = loadavg()[0]!;
    const importCpu = await cpuMeter(connection, onServer);
    const timing = await timeImport(session.deps, admin, csvText);
    const importSpent = await importCpu();
    const importLoad = loadavg()[0]!;
    const after = await writeDigest(connection, sql.entitlementIds);
    const added = (digest: WriteDigest) => ({
      history: digest.history - before.history,
      segments: digest.segments - before.segments,
      webhookEvents: digest.webhookEvents - before.webhookEvents,
      jobs: digest.jobs - before.jobs,
      changed: timing.changed,
    });
    const sqlRowsPerSecond = sql.rows / sql.seconds;
    return {
      ...timing,
      sqlSeconds: sql.seconds,
      sqlRowsPerSecond,
      ratio: timing.rowsPerSecond / sqlRowsPerSecond,
      sqlSteps: sql.steps,
      written: {
        import: added(after),
        sql: { ...added(sql.after), changed: sql.entitlementIds.length },
        sameStatus: after.status === sql.after.status,
      },
      loadAverage: { sql: sqlLoad, import: importLoad },
      cpu: { sql: sqlSpent, import: importSpent },
    };
  } finally {
    await connection.close();
  }
}

/**
 * Starts counting CPU time: this process's, and that of every backend
 * connected to the benchmark's database (its pool's and the SQL load's), read
 * from /proc where the server runs on this machine (else null). The returned function
 * gives the seconds spent since.
 */
async function cpuMeter(connection: SqlConnection, onServer: boolean): Promise<() => Promise<CpuSeconds>> {
  const backends = async () => {
    const rows = await connection.query(
      "select pid from pg_stat_activity where datname = current_database()",
    );
    let ticks = 0;
    for (const { pid } of rows) {
      try {
        // Fields 14 and 15 of /proc/<pid>/stat (utime, stime) in clock ticks, counted after the name.
        const fields = readFileSync(`/proc/${Number(pid)}/stat`, "utf8")
          .split(") ")[1]!
          .split(" ");
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        return null;
      }
    }
    return ticks / 100;
  };
  const node = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
  };
  const startBackends = onServer ? await backends() : null;
  const startNode = node();
  return async () => {
    const endBackends = startBackends === null ? null : await backends();
    return {
      postgres: startBackends === null || endBackends === null ? null : endBackends - startBackends,
      node: node() - startNode,
    };
  };
}
