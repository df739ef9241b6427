import { Command } from "commander";
import { vacuumPortfolio } from "../../app/maintenance/vacuum-portfolio.ts";
import { type CommandIo, processIo } from "./command-io.ts";

/** `unblock vacuum`: reclaim dead row versions and refresh statistics where nothing does it by itself. */
export function vacuumCommand(io: CommandIo = processIo): Command {
  return new Command("vacuum")
    .description(
      "Vacuum and analyse the portfolio's tables (PGlite, or a server with autovacuum off, never does it by itself)",
    )
    .action(async () => {
      await io.withApp({ anonymous: true }, async (deps) => {
        const report = await vacuumPortfolio(deps);
        const why = report.vacuumsByItself
          ? "this server's autovacuum does it by itself too"
          : deps.database.kind === "pglite"
            ? "PGlite never vacuums by itself; unblock serve does it every 10 minutes when rows pile up"
            : "autovacuum is off on this server; unblock serve does it every 10 minutes when rows pile up";
        await io.out(
          `Vacuumed and analysed the portfolio's tables in ${report.seconds.toFixed(1)} s (${why}).\n`,
        );
      });
    });
}
