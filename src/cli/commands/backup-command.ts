import { Command } from "commander";
import { backupDatabase } from "../../app/maintenance/backup-database.ts";
import { withOperatorDatabase } from "../../app/maintenance/open-operator-database.ts";
import { restoreDatabase } from "../../app/maintenance/restore-database.ts";
import { readConfig } from "../../config.ts";
import { type CommandIo, processIo } from "./command-io.ts";

/** `unblock backup <file>`: every table, one consistent snapshot, in one gzipped file. */
export function backupCommand(io: CommandIo = processIo): Command {
  return new Command("backup")
    .description("Write the whole database (portfolio, history, audit, users, sessions) to a gzipped file")
    .argument("<file>", "where to write the backup")
    .action(async (file: string) => {
      const report = await withOperatorDatabase(readConfig(), (database) => backupDatabase(database, file));
      await io.out(
        `Backed up ${report.rows} rows of ${report.tables} tables (schema ${report.migrations}) to ${report.file}.\n`,
      );
    });
}

/** `unblock restore <file>`: into an empty database, migrating a backup of an older Unblock. */
export function restoreCommand(io: CommandIo = processIo): Command {
  return new Command("restore")
    .description("Restore a backup into an empty database (DATABASE_URL or the data directory)")
    .argument("<file>", "a file `unblock backup` wrote")
    .action(async (file: string) => {
      const report = await withOperatorDatabase(readConfig(), (database) => restoreDatabase(database, file));
      const migrated =
        report.fromMigrations === report.toMigrations
          ? `schema ${report.toMigrations}`
          : `schema ${report.fromMigrations}, migrated to ${report.toMigrations}`;
      await io.out(`Restored ${report.rows} rows of ${report.tables} tables (${migrated}).\n`);
    });
}
