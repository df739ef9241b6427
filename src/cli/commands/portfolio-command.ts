import { Command } from "commander";
import { type SyncOutcome, type SyncReport, syncPortfolio } from "../../app/feed/sync-portfolio.ts";
import { formatFeedRowError } from "../../domain/feed/feed-row-error.ts";
import { type CommandIo, count, processIo } from "./command-io.ts";

interface SyncOptions {
  dryRun?: boolean;
  full?: boolean;
  partial?: boolean;
  allowMassEnd?: boolean;
  json?: boolean;
  as?: string;
}

const fileNames = ["customers", "tenants", "entitlements", "people", "usage"] as const;

/**
 * `unblock portfolio sync <folder>`: the portfolio feed (docs/FEED.md). Exit
 * code 1 when anything was refused and nothing written.
 */
export function portfolioCommand(io: CommandIo = processIo): Command {
  const portfolio = new Command("portfolio").description("The portfolio feed from the licensing system");
  portfolio
    .command("sync")
    .description("Sync customers, tenants, entitlements, people and usage from a folder of feed files")
    .argument("<folder>", "folder with customers, tenants, entitlements, people, usage (.csv or .jsonl)")
    .option("--dry-run", "count what would change; write nothing")
    .option("--full", "the files are the whole portfolio: end what they no longer name")
    .option("--partial", "apply the valid rows even when others are refused")
    .option("--allow-mass-end", "let --full end more than 5% of tenants or entitlements")
    .option("--json", "print the counts and refused rows as JSON")
    .option("--as <email>", "act as this user (default: UNBLOCK_USER, else admin@unblock.test)")
    .action(async (folder: string, options: SyncOptions) => {
      await io.withApp({ as: options.as }, async (deps, actor) => {
        const outcome = await syncPortfolio(deps, {
          folder,
          actor,
          dryRun: options.dryRun ?? false,
          full: options.full ?? false,
          partial: options.partial ?? false,
          allowMassEnd: options.allowMassEnd ?? false,
          // Progress goes to stderr line by line: a script (or a test) can wait on it.
          onProgress: (progress) =>
            io.err(`${progress.phase} ${progress.file}: ${count(progress.rows)} rows\n`),
        });
        await io.out(
          options.json ? `${JSON.stringify(jsonReport(outcome.report))}\n` : describeSync(outcome),
        );
        if (outcome.refusal) {
          if (options.json) io.err(`${outcome.refusal}\n`);
          io.fail(1);
        }
      });
    });
  return portfolio;
}

/** Exactly the documented shape: counts per file, then the refused rows. */
function jsonReport(report: SyncReport): SyncReport {
  const counts = (file: (typeof fileNames)[number]) => {
    const { added, changed, unchanged, ended } = report[file];
    return { added, changed, unchanged, ended };
  };
  return {
    customers: counts("customers"),
    tenants: counts("tenants"),
    entitlements: counts("entitlements"),
    people: counts("people"),
    usage: counts("usage"),
    rejected: report.rejected.map(({ file, row, column, code, message }) => ({
      file,
      row,
      column,
      code,
      message,
    })),
  };
}

/** The outcome as people read it: one line per file, then why nothing was written, then the refused rows. */
export function describeSync(outcome: SyncOutcome): string {
  const { report } = outcome;
  const lines = fileNames.map((file) => {
    const c = report[file];
    return `${file.padEnd(12)} ${count(c.added)} added, ${count(c.changed)} changed, ${count(c.unchanged)} unchanged, ${count(c.ended)} ended`;
  });
  if (outcome.skippedFiles.length > 0) {
    lines.push(`Not read again, unchanged since the last sync: ${outcome.skippedFiles.join(", ")}.`);
  }
  if (outcome.dryRun) lines.push("Dry run: nothing was written.");
  if (outcome.refusal) lines.push(outcome.refusal);
  else if (report.rejected.length > 0 && !outcome.dryRun)
    lines.push("The valid rows were written; these were not:");
  lines.push(...report.rejected.map(formatFeedRowError));
  return `${lines.join("\n")}\n`;
}
