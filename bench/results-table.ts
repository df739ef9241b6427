import type { LoadResult } from "./load.ts";
import type { TargetResult } from "./run.ts";

interface Output {
  startedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  postgresVersion: string | null;
  results: TargetResult[];
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "-");
const ratio = (api: number, sql: number) => (Number.isFinite(api) && sql > 0 ? (api / sql).toFixed(2) : "-");
const count = (value: number) => Math.round(value).toLocaleString("en-US");

function pad(cells: string[], widths: number[]): string {
  return cells
    .map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!)))
    .join("  ");
}

/** The benchmark's table: one block per database, reads first (HTTP beside SQL), then writes, import, export. */
export function printResults(output: Output): void {
  const lines: string[] = [];
  const { machine } = output;
  lines.push(
    `Unblock benchmark, ${output.startedAt}: ${machine.cpus} x ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}`,
    `load average at start ${machine.loadAverageAtStart.join(" ")}, at end ${machine.loadAverageAtEnd.join(" ")}`,
  );
  if (output.postgresVersion) lines.push(output.postgresVersion);
  for (const result of output.results) {
    const { dataset } = result;
    const counts = dataset.counts;
    lines.push(
      "",
      `${result.target === "postgres" ? "PostgreSQL server" : "PGlite"}: ${count(counts.tenants ?? 0)} tenants, ${count(counts.customers ?? 0)} customers, ${count(counts.entitlements ?? 0)} entitlements, ${count(counts.segments ?? 0)} segments, ${count(counts.historyRows ?? 0)} history rows`,
      dataset.seedSeconds === null
        ? "seed: reused from an earlier run"
        : `seed: ${dataset.seedSeconds.toFixed(1)} s (unblock seed --demo --tenants ${dataset.tenants})`,
    );
    if (result.vacuum) {
      lines.push(
        `vacuum first: ${result.vacuum.seconds.toFixed(1)} s (this database does not vacuum by itself)`,
      );
    }
    if (result.judged) {
      lines.push(
        `notes judged first: ${result.judged.judged.toLocaleString("en-US")} entitlements in ${result.judged.seconds.toFixed(1)} s`,
      );
    }
    if (result.escalated) {
      lines.push(
        `escalations raised first: ${result.escalated.raised.toLocaleString("en-US")} in ${result.escalated.seconds.toFixed(1)} s${result.escalated.more ? " (more left: the server raised them while reads were timed)" : ""}`,
      );
    }
    const widths = [52, 9, 9, 9, 9, 6, 9, 9, 9, 9, 6];
    lines.push(
      pad(
        [
          "read (ms)",
          "API p50",
          "API p95",
          "SQL p50",
          "SQL p95",
          "ratio",
          "API p50",
          "API p95",
          "SQL p50",
          "SQL p95",
          "ratio",
        ],
        widths,
      ),
      pad(["", "c=1", "", "", "", "p95", "c=16", "", "", "", "p95"], widths),
    );
    for (const read of result.reads) {
      const cells = [`${read.group}: ${read.name}`.slice(0, 52)];
      for (const position of [0, 1]) {
        const http = read.http[position] as LoadResult | undefined;
        const sql = read.sql[position] as LoadResult | undefined;
        cells.push(
          ms(http?.p50 ?? Number.NaN),
          ms(http?.p95 ?? Number.NaN),
          ms(sql?.p50 ?? Number.NaN),
          ms(sql?.p95 ?? Number.NaN),
          ratio(http?.p95 ?? Number.NaN, sql?.p95 ?? Number.NaN),
        );
      }
      lines.push(pad(cells, widths));
    }
    const errors = result.reads
      .flatMap((read) => [...read.http, ...read.sql])
      .filter((load) => load.errors > 0);
    for (const load of errors) lines.push(`  errors: ${load.errors} (${load.firstError ?? ""})`);
    for (const [label, writes] of [
      ["status writes, c=32, working set", result.writes],
      ["status writes, c=32, spread over the portfolio", result.spreadWrites],
    ] as const) {
      if (!writes) continue;
      lines.push(
        `${label}: ${count(writes.perSecond)}/s, p50 ${ms(writes.p50)} ms, p95 ${ms(writes.p95)} ms, ${writes.requests} written, ${writes.errors} errors${writes.firstError ? ` (${writes.firstError})` : ""}`,
      );
    }
    if (result.import) {
      const imported = result.import;
      const { written } = imported;
      const cpu = (spent: { postgres: number | null; node: number }) =>
        spent.postgres === null
          ? `${spent.node.toFixed(1)} in process`
          : `${(spent.postgres + spent.node).toFixed(1)} (PostgreSQL ${spent.postgres.toFixed(1)}, Node ${spent.node.toFixed(1)})`;
      const tables = (added: Record<string, number>) =>
        Object.entries(added)
          .map(([table, rows]) => `${table} ${count(rows)}`)
          .join(", ");
      lines.push(
        `CSV import: ${count(imported.rows)} rows (${count(imported.changed)} services) in ${imported.seconds.toFixed(1)} s = ${count(imported.rowsPerSecond)} rows/s (load ${imported.loadAverage.import}); same-work SQL load ${count(imported.sqlRowsPerSecond)} rows/s (load ${imported.loadAverage.sql}); import/SQL ${imported.ratio.toFixed(2)}`,
        `  written: import ${tables(written.import)}; SQL ${tables(written.sql)}; same stored status: ${written.sameStatus ? "yes" : "NO"}`,
        `  CPU s: import ${cpu(imported.cpu.import)}; SQL load ${cpu(imported.cpu.sql)}`,
      );
    }
    if (result.export) {
      lines.push(
        `CSV export: ${count(result.export.rows)} rows (${result.export.megabytes.toFixed(0)} MB) in ${result.export.seconds.toFixed(1)} s = ${count(result.export.rowsPerSecond)} rows/s, ${(1e6 / result.export.rowsPerSecond).toFixed(1)} s per million; server peak RSS during export ${result.export.peakRssMb.toFixed(0)} MB`,
      );
    }
    if (result.server) {
      lines.push(
        `server RSS: ${result.server.startRssMb.toFixed(0)} MB at start, peak ${result.server.peakRssMb.toFixed(0)} MB`,
      );
    }
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}
