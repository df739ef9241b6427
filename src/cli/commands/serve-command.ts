import { Command } from "commander";
import { recordPlaybookLoad } from "../../app/audit/record-playbook-load.ts";
import { listenForCredentialChanges } from "../../app/auth/credential-cache.ts";
import { prepareSignIn } from "../../app/auth/prepare-sign-in.ts";
import { systemActor } from "../../app/auth/system-actor.ts";
import { seedDemo } from "../../app/demo/seed-demo.ts";
import { failInterruptedSyncs } from "../../app/feed/fail-interrupted-syncs.ts";
import { startJobRunner } from "../../app/jobs/start-job-runner.ts";
import { startNoteIndexRounds } from "../../app/maintenance/note-index-rounds.ts";
import { databaseVacuumsByItself } from "../../app/maintenance/vacuum-portfolio.ts";
import { startVacuumRounds } from "../../app/maintenance/vacuum-rounds.ts";
import { translationWarnings } from "../../app/playbook/translation-warnings.ts";
import { startApp } from "../../app/start-app.ts";
import { readConfig } from "../../config.ts";
import { buildServer } from "../../http/build-server.ts";
import { Readiness } from "../../http/operations/readiness.ts";
import { drainOnSignals } from "./serve-shutdown.ts";

export function serveCommand(): Command {
  return new Command("serve")
    .description("Start the web app and API (http://127.0.0.1:3000 by default)")
    .option("--demo", "load the demo portfolio first when the database is empty")
    .option("--demo-tenants <n>", "tenants in the demo portfolio", "200")
    .option("--port <port>", "port to listen on (env PORT)")
    .option("--host <host>", "address to bind (env HOST); 127.0.0.1 keeps it local")
    .action(async (options: { demo?: boolean; demoTenants: string; port?: string; host?: string }) => {
      const config = readConfig();
      // Not ready until the database is migrated, the playbook loaded and the background work started.
      const readiness = new Readiness("starting");
      const app = await startApp({
        databaseUrl: config.databaseUrl,
        replicaUrl: config.replicaUrl,
        replicaMaxLagMs: config.replicaMaxLagMs,
        dataDir: config.dataDir,
        playbookPath: config.playbookPath,
      });
      if (options.demo) {
        const report = await seedDemo(app.deps, { tenants: Number(options.demoTenants), ifEmpty: true });
        if (report.seeded) {
          process.stderr.write(
            `Loaded the demo portfolio: ${report.customers} customers, ${report.tenants} tenants, ${report.entitlements} entitlements, ${report.historyRows} history rows.\n`,
          );
        }
      }
      await recordPlaybookLoad(app.deps);
      // A sync that was running when the server stopped was rolled back with it: never shown running forever.
      const interrupted = await failInterruptedSyncs(app.deps, systemActor);
      if (interrupted > 0)
        process.stderr.write(`Marked ${interrupted} interrupted portfolio sync(s) failed.\n`);
      const signIn = await prepareSignIn(app.deps, {
        demo: options.demo ?? false,
        admin: { email: config.adminEmail, password: config.adminPassword },
      });
      let stopVacuumRounds: (() => void) | undefined;
      let stopNoteIndexRounds: (() => void) | undefined;
      let jobRunner: ReturnType<typeof startJobRunner> | undefined;
      const server = await buildServer(app.deps, {
        logger: { level: config.logLevel },
        trustProxy: config.trustProxy,
        oidc: config.oidc,
        readiness,
        metrics: config.metrics,
      });
      // SIGTERM and SIGINT drain: requests in flight, queued writes, jobs, then the database (serve-shutdown.ts).
      drainOnSignals(
        {
          server,
          deps: app.deps,
          readiness,
          jobRunner: () => jobRunner,
          stopTimers: () => {
            stopVacuumRounds?.();
            stopNoteIndexRounds?.();
          },
          closeDatabase: () => app.close(),
        },
        config.shutdownTimeoutMs,
      );
      // Another server's revocation or sign-out clears what this one remembers (credential-cache.ts).
      await listenForCredentialChanges(app.deps);
      const host = options.host ?? config.host;
      const port = options.port ? Number(options.port) : config.port;
      try {
        await server.listen({ host, port });
      } catch (error) {
        await app.close();
        if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
          process.stderr.write(
            `error: port ${port} on ${host} is already in use: stop the other server or choose another with --port or PORT.\n`,
          );
          process.exitCode = 1;
          return;
        }
        throw error;
      }
      const database = config.databaseUrl
        ? `PostgreSQL server${config.replicaUrl ? ", reports and exports on its replica" : ""}`
        : `embedded database in ${config.dataDir}`;
      // The port bound, not the one asked for: PORT=0 takes any free one (tests running side by side).
      const bound = (server.server.address() as { port: number } | null)?.port ?? port;
      process.stderr.write(
        `Unblock is running at http://${host === "0.0.0.0" ? "localhost" : host}:${bound} (${database})\n`,
      );
      for (const line of signIn) process.stderr.write(`${line}\n`);
      for (const warning of translationWarnings(app.deps.playbook)) {
        server.log.warn(`playbook translation: ${warning}; those texts show in English`);
      }
      if (app.deps.database.kind === "postgres" && !(await databaseVacuumsByItself(app.deps))) {
        server.log.warn(
          "autovacuum is off on this PostgreSQL server: Unblock vacuums the portfolio's tables itself while it runs, but turning autovacuum on is better",
        );
      }
      // Reports and exports falling back from the replica to the primary go to the server's log.
      if (app.deps.replica) app.deps.replica.log = server.log;
      stopVacuumRounds = startVacuumRounds(app.deps, server.log);
      // Changed notes into the free-text search's table (drizzle/0025), a few seconds behind the writes.
      stopNoteIndexRounds = startNoteIndexRounds(app.deps, server.log);
      jobRunner = startJobRunner(app.deps, server.log);
      readiness.markReady();
    });
}
