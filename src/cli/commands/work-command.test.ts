import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, putSegments } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { capturedOutput, runCommand } from "../../../test/support/cli-harness.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import { syncPortfolio } from "../../app/feed/sync-portfolio.ts";
import { getMyWork } from "../../app/my-work/get-my-work.ts";
import { findUserByEmail } from "../../app/users/find-user.ts";
import type { CommandIo } from "./command-io.ts";
import { workCommand } from "./work-command.ts";

let database: TestDatabase;
let deps: AppDeps;
let marco: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database, new Date("2025-03-12T08:00:00Z"));
  const admin = await createUser(database.db, { role: "admin" });
  await syncPortfolio(deps, {
    folder: join(import.meta.dirname, "../../../examples/feed"),
    actor: admin,
    dryRun: false,
    full: false,
    partial: false,
    allowMassEnd: false,
  });
  const user = await findUserByEmail(deps, "marco.bianchi@example.com");
  marco = { id: user!.id, email: user!.email, name: user!.name, role: user!.role };
  const { rows } = await database.execute(
    `select e.id::text as id from entitlements e join tenants t on t.id = e.tenant_id
      where t.name = 'Fabrikam' and e.service_id = 'onedrive'`,
  );
  const id = String(rows[0]!.id);
  await database.execute(`delete from status_segments where entitlement_id = '${id}'`);
  await putSegments(database.db, id, [{ seats: 4800, l1: "in_progress", nextActionDate: "2025-03-10" }]);
  // Owned by Marco as a person: the table names him.
  await database.execute(
    `update status_segments set owner_user_id = '${marco.id}' where entitlement_id = '${id}'`,
  );
});
afterAll(() => database.close());

async function run(...args: string[]) {
  const { result, sinks } = capturedOutput();
  const io: CommandIo = {
    ...sinks,
    interactive: false,
    withApp: async (options, fn) => {
      const user = await findUserByEmail(deps, options.as ?? "");
      if (!user) throw new Error(`no user ${options.as}`);
      await fn(deps, { id: user.id, email: user.email, name: user.name, role: user.role });
    },
  };
  await runCommand(workCommand(io), args);
  return result;
}

describe("unblock work", () => {
  it("prints with --json what GET /api/my-work answers", async () => {
    const result = await run("--as", "marco.bianchi@example.com", "--json");
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.out)).toEqual(await getMyWork(deps, marco, {}));
    expect(JSON.parse(result.out).counts).toEqual({
      overdue: 1,
      due_this_week: 0,
      blocked_past_target: 0,
      rest: 8,
      total: 9,
    });
  });

  it("prints the groups as tables with their counts and the reason of each row", async () => {
    const { out } = await run("--as", "marco.bianchi@example.com", "--limit", "2");
    const lines = out.split("\n");
    expect(lines[0]).toBe(
      "My work of Marco Bianchi <marco.bianchi@example.com> on 2025-03-12 (UTC; this week ends 2025-03-16): 9 entitlements.",
    );
    expect(lines).toContain("Overdue next actions (1)");
    expect(lines).toContain("Due this week (0)");
    expect(lines).toContain("Everything else (8, 2 shown)");
    const overdue = lines[lines.indexOf("Overdue next actions (1)") + 2];
    expect(overdue).toMatch(
      /^Fabrikam Inc +Fabrikam +OneDrive +In Progress 4,800 +Marco Bianchi +2025-03-10 +Next action was due 10 Mar 2025, 2 days ago\.$/,
    );
    // Ines is assigned to other customers: none of Marco's rows.
    const ines = await run("--as", "ines.duarte@example.com");
    expect(ines.out).not.toContain("Fabrikam");
    expect(ines.out).toContain("Northwind Traders");
  });
});
