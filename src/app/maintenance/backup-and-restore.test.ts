import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerFor, setPassword } from "../../../test/factories/access.ts";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { knownMigrations, runMigrationsUpTo } from "../../db/migrate.ts";
import { AppError } from "../../domain/app-error.ts";
import type { AppDeps } from "../app-deps.ts";
import { signIn } from "../auth/sign-in.ts";
import { systemActor } from "../auth/system-actor.ts";
import { seedDemo } from "../demo/seed-demo.ts";
import { exportEntitlements } from "../entitlements/export-entitlements.ts";
import { backupDatabase } from "./backup-database.ts";
import { restoreDatabase } from "./restore-database.ts";

let folder: string;
let source: TestDatabase;
let sourceDeps: AppDeps;
const opened: TestDatabase[] = [];

async function emptyDatabase(): Promise<TestDatabase> {
  const database = await openTestDatabase({ migrate: false });
  opened.push(database);
  return database;
}

async function exported(deps: AppDeps): Promise<string> {
  let text = "";
  await exportEntitlements(deps, systemActor, {}, "csv", (chunk) => {
    text += chunk;
  });
  return text;
}

/** A backup's lines after the header (which holds the time it was taken). */
const body = (file: string) =>
  gunzipSync(readFileSync(file)).toString("utf8").split("\n").slice(1).join("\n");

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "unblock-backup-"));
  source = await openTestDatabase();
  sourceDeps = await makeTestDeps(source);
  await seedDemo(sourceDeps, { tenants: 12, seed: 7, today: "2025-03-12" });
  // A signed-in session and an API token, which a restore must bring back too.
  const person = await createUser(source.db, { role: "delivery_fm", email: "pat@example.test" });
  await setPassword(source.db, person.id, "a long enough password");
  const session = await signIn(sourceDeps, { email: "pat@example.test", password: "a long enough password" });
  expect(session).toMatchObject({ ok: true });
  await bearerFor(sourceDeps, person);
});
afterAll(async () => {
  for (const database of [source, ...opened]) await database.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores into an empty database every table as it was: history, audit, users, sessions", async () => {
    const file = join(folder, "whole.gz");
    const report = await backupDatabase(source, file);
    expect(report.migrations).toBe(knownMigrations());
    expect(report.rows).toBeGreaterThan(1000);

    const target = await emptyDatabase();
    const restored = await restoreDatabase(target, file);
    expect(restored).toMatchObject({ rows: report.rows, tables: report.tables });

    const again = join(folder, "again.gz");
    await backupDatabase(target, again);
    expect(body(again)).toBe(body(file));
    for (const table of ["status_history", "audit_log", "users", "sessions", "api_tokens"]) {
      expect(body(file), table).toMatch(new RegExp(`"table":"${table}"\\}\\n\\{"rows":\\["`));
    }
    expect(await exported(await makeTestDeps(target))).toBe(await exported(sourceDeps));
  });

  it("restores into a database a server has started once (migrated, services loaded)", async () => {
    const started = await openTestDatabase();
    opened.push(started);
    await makeTestDeps(started);
    const file = join(folder, "whole.gz");
    const report = await restoreDatabase(started, file);
    const again = join(folder, "started.gz");
    await backupDatabase(started, again);
    expect(body(again)).toBe(body(file));
    expect(report.rows).toBeGreaterThan(1000);
  });

  it("migrates a backup of an older Unblock after loading it", async () => {
    const older = await emptyDatabase();
    const version = knownMigrations() - 3;
    await runMigrationsUpTo(older, version);
    await older.execute("insert into customers (external_id, name) values ('C-OLD', 'Older Customer')");
    const file = join(folder, "older.gz");
    expect((await backupDatabase(older, file)).migrations).toBe(version);

    const target = await emptyDatabase();
    const restored = await restoreDatabase(target, file);
    expect(restored).toMatchObject({ fromMigrations: version, toMigrations: knownMigrations() });
    const { rows } = await target.execute("select name from customers where external_id = 'C-OLD'");
    expect(rows).toEqual([{ name: "Older Customer" }]);
  });

  it("refuses a backup of a newer Unblock, a cut file and a database in use, changing nothing", async () => {
    const file = join(folder, "whole.gz");
    const [header, ...rest] = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
    const newer = join(folder, "newer.gz");
    const future = { ...JSON.parse(header!), migrations: knownMigrations() + 1 };
    writeFileSync(newer, gzipSync([JSON.stringify(future), ...rest].join("\n")));
    const target = await emptyDatabase();
    expect((await refusal(restoreDatabase(target, newer))).message).toMatch(/newer Unblock/);

    const cut = join(folder, "cut.gz");
    writeFileSync(cut, gzipSync([header, ...rest.slice(0, 40)].join("\n")));
    expect((await refusal(restoreDatabase(target, cut))).message).toMatch(/ends early/);
    const { rows } = await target.execute("select count(*)::int as n from customers");
    expect(rows).toEqual([{ n: 0 }]);

    expect((await refusal(restoreDatabase(source, file))).code).toBe("conflict");
  });
});
