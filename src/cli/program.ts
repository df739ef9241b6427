import type { Command as CommandType } from "commander";
import { Command, CommanderError } from "commander";
import { isAppError } from "../domain/app-error.ts";

/**
 * Every command the `unblock` binary offers, each in its own module under
 * commands/. Modules load on demand: `unblock suggest` must not pay for
 * loading the web server and database drivers it never uses.
 */
const commands: Record<string, () => Promise<CommandType>> = {
  serve: async () => (await import("./commands/serve-command.ts")).serveCommand(),
  migrate: async () => (await import("./commands/migrate-command.ts")).migrateCommand(),
  seed: async () => (await import("./commands/seed-command.ts")).seedCommand(),
  vacuum: async () => (await import("./commands/vacuum-command.ts")).vacuumCommand(),
  backup: async () => (await import("./commands/backup-command.ts")).backupCommand(),
  restore: async () => (await import("./commands/backup-command.ts")).restoreCommand(),
  import: async () => (await import("./commands/import-command.ts")).importCommand(),
  export: async () => (await import("./commands/export-command.ts")).exportCommand(),
  playbook: async () => (await import("./commands/playbook-command.ts")).playbookCommand(),
  suggest: async () => (await import("./commands/suggest-command.ts")).suggestCommand(),
  "lint-note": async () => (await import("./commands/lint-note-command.ts")).lintNoteCommand(),
  users: async () => (await import("./commands/users-command.ts")).usersCommand(),
  portfolio: async () => (await import("./commands/portfolio-command.ts")).portfolioCommand(),
  work: async () => (await import("./commands/work-command.ts")).workCommand(),
  preferences: async () => (await import("./commands/preferences-command.ts")).preferencesCommand(),
  jobs: async () => (await import("./commands/jobs-command.ts")).jobsCommand(),
  resolvers: async () => (await import("./commands/resolvers-command.ts")).resolversCommand(),
  "work-items": async () => (await import("./commands/work-items-command.ts")).workItemsCommand(),
};

/** The program with the named command only, or with all of them (help, unknown command). */
export async function buildProgram(commandName?: string): Promise<Command> {
  const program = new Command("unblock")
    .description("Unblock: seat status per tenant and service, held to the onboarding playbook")
    .version("0.1.0")
    .showHelpAfterError();
  const load = commandName ? commands[commandName] : undefined;
  const loaders = load ? [load] : Object.values(commands);
  for (const command of await Promise.all(loaders.map((loader) => loader()))) program.addCommand(command);
  return program;
}

/** Core errors print as one readable line (plus each violation) and exit non-zero, never a stack trace. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await (await buildProgram(argv[2])).parseAsync(argv);
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
