import { Command } from "commander";
import { withApp } from "../cli-context.ts";

export function migrateCommand(): Command {
  return new Command("migrate")
    .description("Apply the database migrations and sync the service catalogue from the playbook")
    .action(async () => {
      // Opening the app migrates and syncs; there is nothing else to do.
      await withApp({ anonymous: true }, async (deps) => {
        process.stdout.write(`Database is up to date (${deps.database.kind}).\n`);
      });
    });
}
