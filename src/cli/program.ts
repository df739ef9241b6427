import { Command, CommanderError } from "commander";
import { isAppError } from "../domain/app-error.ts";
import { exportCommand } from "./commands/export-command.ts";
import { importCommand } from "./commands/import-command.ts";
import { migrateCommand } from "./commands/migrate-command.ts";
import { playbookCommand } from "./commands/playbook-command.ts";
import { seedCommand } from "./commands/seed-command.ts";
import { serveCommand } from "./commands/serve-command.ts";

/** Every command the `unblock` binary offers; each lives in its own module under commands/. */
export function buildProgram(): Command {
  const program = new Command("unblock")
    .description("Unblock: seat status per tenant and service, held to the onboarding playbook")
    .version("0.1.0")
    .showHelpAfterError();
  program.addCommand(serveCommand());
  program.addCommand(migrateCommand());
  program.addCommand(playbookCommand());
  program.addCommand(seedCommand());
  program.addCommand(importCommand());
  program.addCommand(exportCommand());
  return program;
}

/** Core errors print as one readable line (plus each violation) and exit non-zero, never a stack trace. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    if (isAppError(error)) {
      process.stderr.write(`error: ${error.message}\n`);
      for (const violation of error.violations) {
        process.stderr.write(`  ${violation.field}: ${violation.code}: ${violation.message}\n`);
      }
      process.exitCode = error.code === "validation_failed" || error.code === "import_failed" ? 1 : 2;
      return;
    }
    throw error;
  }
}
