import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { capturedOutput, runCommand } from "../../../test/support/cli-harness.ts";
import { feedFolder, removeFeedFolders } from "../../../test/support/feed-folder.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import type { CommandIo } from "./command-io.ts";
import { portfolioCommand } from "./portfolio-command.ts";

let database: TestDatabase;
let deps: AppDeps;
let admin: Actor;
let viewer: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  admin = await createUser(database.db, { role: "admin", email: "admin@unblock.test" });
  viewer = await createUser(database.db, { role: "viewer", email: "viewer@unblock.test" });
});
afterAll(async () => {
  await database.close();
  removeFeedFolders();
});

async function run(...args: string[]) {
  const { result, sinks } = capturedOutput();
  const io: CommandIo = {
    ...sinks,
    interactive: false,
    withApp: (options, fn) => fn(deps, options.as === viewer.email ? viewer : admin),
  };
  await runCommand(portfolioCommand(io), args);
  return result;
}

const examples = join(import.meta.dirname, "../../../examples/feed");

describe("unblock portfolio sync", () => {
  it("prints the documented JSON: counts per file, then the refused rows", async () => {
    const first = await run("sync", examples, "--json");
    expect(first.exitCode).toBe(0);
    const report = JSON.parse(first.out);
    expect(Object.keys(report)).toEqual([
      "customers",
      "tenants",
      "entitlements",
      "people",
      "usage",
      "rejected",
    ]);
    expect(report.tenants).toEqual({ added: 5, changed: 0, unchanged: 0, ended: 0 });
    expect(report.rejected).toEqual([]);

    const second = JSON.parse((await run("sync", examples, "--json")).out);
    for (const file of ["customers", "tenants", "entitlements", "people", "usage"]) {
      expect(second[file].added + second[file].changed + second[file].ended).toBe(0);
    }
    expect(second.usage.unchanged).toBe(48);
  });

  it("reports a refused row with file, row, column, code and message, and exits 1", async () => {
    const folder = feedFolder({ entitlements: "tenant_id,service,available_seats\nX-1,Fax Online,5\n" });
    const result = await run("sync", folder, "--json");
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.out).rejected).toEqual([
      {
        file: "entitlements",
        row: 2,
        column: "service",
        code: "service_unknown",
        message: '"Fax Online" is not a service of the playbook (id, name, code or alias).',
      },
    ]);
    expect(result.err).toContain("nothing was written");
  });

  it("says in words what a dry run would do", async () => {
    const folder = feedFolder({ customers: "customer_key,name\nNEW-1,Woodgrove Bank\n" });
    const result = await run("sync", folder, "--dry-run");
    expect(result.out).toContain("customers    1 added, 0 changed, 0 unchanged, 0 ended");
    expect(result.out).toContain("Dry run: nothing was written.");
  });

  it("refuses a user who is not an Admin", async () => {
    await expect(run("sync", examples, "--as", viewer.email)).rejects.toMatchObject({ code: "forbidden" });
  });
});
