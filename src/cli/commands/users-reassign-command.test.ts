import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import { createCustomer, createTenant, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { capturedOutput, runCommand } from "../../../test/support/cli-harness.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import { findUserByEmail } from "../../app/users/find-user.ts";
import type { Database } from "../../db/client.ts";
import { assignments, auditLog } from "../../db/schema.ts";
import { isAppError } from "../../domain/app-error.ts";
import type { ReassignPlan } from "../../http/schemas/users.ts";
import type { CommandIo } from "./command-io.ts";
import { usersCommand } from "./users-command.ts";

let database: Database;
let deps: AppDeps;

async function run(...args: string[]) {
  const { result: output, sinks } = capturedOutput();
  const result = Object.assign(output, { error: "" });
  const io: CommandIo = {
    ...sinks,
    interactive: false,
    withApp: async (options, fn) => {
      const user = options.as ? await findUserByEmail(deps, options.as) : null;
      if (!user) throw new Error(`no user ${options.as}`);
      await fn(deps, user as Actor);
    },
  };
  try {
    await runCommand(usersCommand(io), args);
  } catch (error) {
    if (!isAppError(error)) throw error;
    result.error = error.message;
    result.exitCode = 2;
  }
  return result;
}

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  const db = database.db;
  await createUser(db, { role: "admin", email: "boss@x.test" });
  const lee = await createUser(db, { role: "delivery_fm", email: "lee@x.test", name: "Lee Leaving" });
  await createUser(db, { role: "delivery_fm", email: "tom@x.test", name: "Tom Taking" });
  for (const key of ["TP-1", "TP-2"]) {
    const customer = await createCustomer(db, { name: `Customer ${key}`, externalId: key });
    await createTenant(db, { customerId: customer.id });
    await assign(db, lee.id, { customerId: customer.id });
  }
});
afterAll(() => database.close());

describe("unblock users reassign", () => {
  it("previews with --dry-run, then moves only the --customer named, one audit entry each", async () => {
    const preview = await run(
      "reassign",
      "lee@x.test",
      "tom@x.test",
      "--customer",
      "TP-1",
      "--dry-run",
      "--as",
      "boss@x.test",
    );
    expect(preview.out).toMatch(
      /^Would move 1 assignment\(s\) and 0 owned segment\(s\) from lee@x.test to tom@x.test/,
    );
    expect(preview.out).toContain("customer Customer TP-1");
    expect(await database.db.select().from(auditLog)).toEqual([]);

    const applied = await run(
      "reassign",
      "lee@x.test",
      "tom@x.test",
      "--customer",
      "TP-1",
      "--json",
      "--as",
      "boss@x.test",
    );
    const plan = JSON.parse(applied.out) as ReassignPlan;
    expect(plan).toMatchObject({ applied: true, from: { email: "lee@x.test" }, to: { email: "tom@x.test" } });
    expect(plan.assignments.map((a) => a.customer?.name)).toEqual(["Customer TP-1"]);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, "assignment.reassign"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ source: "cli", actorEmail: "boss@x.test" });
    const lee = await findUserByEmail(deps, "lee@x.test");
    expect(await database.db.select().from(assignments).where(eq(assignments.userId, lee!.id))).toHaveLength(
      1,
    );
  });

  it("refuses a Delivery FM", async () => {
    const refused = await run("reassign", "lee@x.test", "tom@x.test", "--as", "lee@x.test");
    expect(refused.exitCode).toBe(2);
    expect(refused.error).toMatch(/Only Admins and Team Leads/);
  });
});
