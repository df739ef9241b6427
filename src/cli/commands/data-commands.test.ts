import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { capturedOutput, runCommand } from "../../../test/support/cli-harness.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { AppDeps } from "../../app/app-deps.ts";
import { findUserByEmail } from "../../app/users/find-user.ts";
import type { Database } from "../../db/client.ts";
import type { CommandIo } from "./command-io.ts";
import { exportCommand } from "./export-command.ts";
import { importCommand } from "./import-command.ts";
import { seedCommand } from "./seed-command.ts";
import { vacuumCommand } from "./vacuum-command.ts";

let database: Database;
let deps: AppDeps;
const dir = mkdtempSync(join(tmpdir(), "unblock-cli-"));

/** Runs one command against the test database, capturing output and exit code. */
async function run(factory: (io: CommandIo) => Command, ...args: string[]) {
  const { result, sinks } = capturedOutput();
  const io: CommandIo = {
    ...sinks,
    interactive: false,
    withApp: async (options, fn) => {
      const user = await findUserByEmail(deps, options.as ?? "admin@unblock.test");
      await fn(deps, user ?? { id: "", email: "system", name: "System", role: "admin" });
    },
  };
  await runCommand(factory(io), args);
  return result;
}

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
});
afterAll(() => database.close());

describe("seed, export, import and vacuum commands", () => {
  it("seeds the demo portfolio and says what it made", async () => {
    const result = await run(seedCommand, "--demo", "--tenants", "20", "--seed", "4");
    expect(result.exitCode).toBe(0);
    expect(result.out).toMatch(/^Seeded \d+ customers, 20 tenants, \d+ entitlements/);
  });

  it("refuses to seed without --demo", async () => {
    const result = await run(seedCommand, "--tenants", "20");
    expect(result.exitCode).toBe(2);
    expect(result.err).toContain("seed --demo");
  });

  it("exports Blocked Teams services by name to a file", async () => {
    const file = join(dir, "blocked-teams.csv");
    const result = await run(exportCommand, "--l1", "Blocked", "--service", "Teams", "--out", file);
    expect(result.err).toMatch(/^Wrote \d+ services/);
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines[0]).toMatch(/^customer,tenant,tenant_domain,tenant_id,service,/);
    expect(lines.slice(1).every((line) => line.includes(",teams,"))).toBe(true);
  });

  it("imports an unchanged export with exit code 0 and a count of unchanged services", async () => {
    const file = join(dir, "all.csv");
    await run(exportCommand, "--out", file);
    const result = await run(importCommand, file);
    expect(result.exitCode).toBe(0);
    expect(result.out).toMatch(/^Read \d+ rows for (\d+) services: 0 changed, \1 unchanged, 0 errors\.\n$/);
  });

  it("lists each refused row with its column and rule, writes nothing and exits 1", async () => {
    const file = join(dir, "bad.csv");
    const [header, first, ...rest] = readFileSync(join(dir, "all.csv"), "utf8").trimEnd().split("\n");
    const columns = header!.split(",");
    const cells = first!.split(",");
    cells[columns.indexOf("seats")] = "lots";
    writeFileSync(file, [header, cells.join(","), ...rest].join("\n"));
    const result = await run(importCommand, file);
    expect(result.exitCode).toBe(1);
    expect(result.out).toContain("Nothing was written");
    expect(result.out).toContain("row 2, seats: seats_invalid:");
  });

  it("prints the report as JSON on --json, also for a dry run", async () => {
    const result = await run(importCommand, join(dir, "bad.csv"), "--dry-run", "--json");
    const report = JSON.parse(result.out) as { dryRun: boolean; errors: { row: number; field: string }[] };
    expect(report.dryRun).toBe(true);
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 2, field: "seats", code: "seats_invalid" }),
    ]);
    expect(result.exitCode).toBe(1);
  });

  it("exports ended services only when asked", async () => {
    const { rows } = await database.execute(
      "update entitlements set ended_at = now() where id = (select min(id::text)::uuid from entitlements) returning id::text as id",
    );
    const ended = await run(exportCommand, "--ended", "only", "--format", "json");
    expect((JSON.parse(ended.out) as { id: string }[]).map((view) => view.id)).toEqual([
      (rows[0] as { id: string }).id,
    ]);
  });

  it("exports the statuses as of a day, and refuses a day to come", async () => {
    const [row] = (
      await database.execute("select count(*)::int as n from status_history where at >= '2025-02-02'")
    ).rows as { n: number }[];
    const past = await run(exportCommand, "--as-of", "2025-02-01");
    const today = await run(exportCommand);
    expect(past.exitCode).toBe(0);
    // The demo wrote history after that day, so the file of then differs from today's.
    expect(row?.n).toBeGreaterThan(0);
    expect(past.out.split("\n")[0]).toBe(today.out.split("\n")[0]);
    expect(past.out).not.toBe(today.out);
    expect((await run(exportCommand, "--as-of", "2025-03-10")).out).toBe(today.out);
    // The program's own error handler prints the refusal; this harness hands it back.
    await expect(run(exportCommand, "--as-of", "2025-03-11")).rejects.toMatchObject({
      violations: [expect.objectContaining({ field: "asOf", code: "date_in_future" })],
    });
  });

  it("vacuums the portfolio's tables and says whether the database would have", async () => {
    const result = await run(vacuumCommand);
    expect(result.exitCode).toBe(0);
    expect(result.out).toMatch(/^Vacuumed and analysed the portfolio's tables in \d+\.\d s \(/);
    if (database.kind === "pglite") expect(result.out).toContain("PGlite never vacuums by itself");
  });
});
