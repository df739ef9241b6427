import { createReadStream } from "node:fs";
import { SingleBar } from "cli-progress";
import { Command } from "commander";
import {
  type ImportProgress,
  type ImportReport,
  importStatuses,
} from "../../app/entitlements/import-statuses.ts";
import { isAppError } from "../../domain/app-error.ts";
import { formatRowError } from "../../domain/csv/csv-row-error.ts";
import { type CommandIo, count, processIo } from "./command-io.ts";

interface ImportOptions {
  dryRun?: boolean;
  json?: boolean;
  as?: string;
  partial?: boolean;
  updateSeats?: boolean;
}

/**
 * `unblock import <file.csv>`: statuses from the status CSV (docs/CSV.md),
 * checked by the playbook rules. Exit code 1 when any row was refused.
 */
export function importCommand(io: CommandIo = processIo): Command {
  return new Command("import")
    .description("Import statuses from a CSV file (one row per status segment; see docs/CSV.md)")
    .argument("<file>", 'CSV file, or "-" for standard input')
    .option("--dry-run", "check the file and report what would change; write nothing")
    .option("--json", "print the report as JSON")
    .option("--as <email>", "act as this user (default: UNBLOCK_USER, else admin@unblock.test)")
    .option("--partial", "write the services without errors even when others have errors")
    .option("--update-seats", "let available_seats in the file replace the stored counts")
    .action(async (file: string, options: ImportOptions) => {
      await io.withApp({ as: options.as }, async (deps, actor) => {
        const bar = io.interactive && !options.json ? new ProgressLine() : null;
        let report: ImportReport;
        try {
          report = await importStatuses(deps, {
            stream: file === "-" ? process.stdin : createReadStream(file),
            actor,
            dryRun: options.dryRun ?? false,
            allOrNothing: !options.partial,
            updateSeats: options.updateSeats ?? false,
            onProgress: (progress) => bar?.show(progress),
          });
        } catch (error) {
          if (!isAppError(error) || error.code !== "import_failed") throw error;
          report = error.detail.report as ImportReport;
        } finally {
          bar?.stop();
        }
        await io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : describeReport(report));
        if (report.errors.length > 0) io.fail(1);
      });
    });
}

/** The report as people read it: counts, then one line per error. */
function describeReport(report: ImportReport): string {
  const lines = [
    `Read ${count(report.rows)} rows for ${count(report.entitlements)} services: ${count(report.changed)} changed, ${count(report.unchanged)} unchanged, ${count(report.errors.length)} ${report.errors.length === 1 ? "error" : "errors"}.`,
  ];
  if (report.dryRun) lines.push("Dry run: nothing was written.");
  else if (!report.written) lines.push("Nothing was written: fix the rows below and import the file again.");
  else if (report.errors.length > 0)
    lines.push("The services without errors were written; the rows below were not.");
  lines.push(...report.errors.map(formatRowError));
  return `${lines.join("\n")}\n`;
}

/** One progress bar per phase of the import, on stderr. */
class ProgressLine {
  private bar: SingleBar | null = null;
  private phase: string | null = null;

  show(progress: ImportProgress): void {
    if (progress.total === 0) return;
    if (this.phase !== progress.phase) {
      this.bar?.stop();
      this.phase = progress.phase;
      this.bar = new SingleBar({
        format: `${progress.phase.padEnd(8)} [{bar}] {value}/{total}`,
        stream: process.stderr,
      });
      this.bar.start(progress.total, progress.done);
      return;
    }
    this.bar?.update(progress.done);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}
