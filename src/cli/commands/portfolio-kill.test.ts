import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { feedFolder, generatedFeed, removeFeedFolders } from "../../../test/support/feed-folder.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { syncPortfolio } from "../../app/feed/sync-portfolio.ts";
import { type Database, openDatabase } from "../../db/client.ts";
import { runMigrations } from "../../db/migrate.ts";

const bin = new URL("../../../bin/unblock.js", import.meta.url).pathname;
const tables = [
  "customers",
  "tenants",
  "entitlements",
  "status_segments",
  "status_history",
  "usage_points",
  "users",
  "assignments",
];

/** Every row of the tables a sync writes, and the number of sync records. */
async function state(database: Pick<Database, "execute">): Promise<string> {
  const parts: string[] = [];
  for (const table of [...tables, "portfolio_syncs"]) {
    const { rows } = await database.execute(
      `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h, count(*)::int as n from ${table} t`,
    );
    parts.push(`${table} ${rows[0]?.n} ${rows[0]?.h}`);
  }
  return parts.join("\n");
}

/**
 * The database a child process syncs into: PGlite in a data directory (which
 * one process owns at a time, so the test closes it while the child runs), or
 * a database on the server.
 */
async function openShared(): Promise<{
  database: Database;
  env: Record<string, string>;
  reopen(): Promise<Database>;
  /** Deletes what the test made on disk. */
  remove(): void;
}> {
  if (process.env.DATABASE_URL) {
    const database: TestDatabase = await openTestDatabase();
    return {
      database,
      env: { DATABASE_URL: database.url! },
      reopen: async () => database,
      remove: () => undefined,
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "unblock-kill-"));
  const database = await openDatabase({ dataDir });
  await runMigrations(database);
  return {
    database,
    env: { UNBLOCK_DATA_DIR: dataDir },
    reopen: () => openDatabase({ dataDir }),
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

describe("a portfolio sync killed midway", () => {
  let after: Database | null = null;
  let remove: () => void = () => undefined;
  afterAll(async () => {
    await after?.close();
    remove();
    removeFeedFolders();
  });

  it("leaves the database as it was before the sync", { timeout: 240_000 }, async () => {
    const shared = await openShared();
    remove = shared.remove;
    const deps = await makeTestDeps(shared.database);
    const admin = await createUser(shared.database.db, { role: "admin", email: "admin@unblock.test" });
    const sync = { actor: admin, dryRun: false, full: false, partial: false, allowMassEnd: false };
    await syncPortfolio(deps, { ...sync, folder: feedFolder({ ...generatedFeed(200, { usagePoints: 2 }) }) });
    const before = await state(shared.database);
    // Changes the 200 tenants' entitlements and adds thousands more, with usage.
    const large = feedFolder({ ...generatedFeed(4_000, { seats: 500, usagePoints: 6 }) });
    if (!process.env.DATABASE_URL) await shared.database.close();

    const child = spawn(process.execPath, [bin, "portfolio", "sync", large], {
      env: { ...process.env, ...shared.env, UNBLOCK_USER: admin.email, LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    const exited = once(child, "exit");
    // Tenants are written inside the open transaction: kill as soon as the child says so.
    await new Promise<void>((resolve, reject) => {
      child.stderr!.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes("apply tenants:")) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.on("exit", () => reject(new Error(`The sync ended before it was killed:\n${stderr}`)));
    });
    const [, signal] = await exited;
    expect(signal).toBe("SIGKILL");
    expect(stderr).not.toContain("apply usage:");

    after = await shared.reopen();
    expect(await state(after)).toBe(before);
  });
});
