import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { capturedOutput, runCommand } from "../../../test/support/cli-harness.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import { findUserByEmail } from "../../app/users/find-user.ts";
import type { Database } from "../../db/client.ts";
import { isAppError } from "../../domain/app-error.ts";
import type { CommandIo } from "./command-io.ts";
import { workItemsCommand } from "./work-items-command.ts";

let database: Database;
let deps: AppDeps;

async function run(as: string, ...args: string[]) {
  const { result: output, sinks } = capturedOutput();
  const result = Object.assign(output, { error: "", violations: [] as string[] });
  const io: CommandIo = {
    ...sinks,
    interactive: false,
    withApp: async (options, fn) => {
      await fn(deps, (await findUserByEmail(deps, options.as ?? as)) as Actor);
    },
  };
  try {
    await runCommand(workItemsCommand(io), [...args, "--as", as]);
  } catch (error) {
    if (!isAppError(error)) throw error;
    result.error = error.message;
    result.violations = error.violations.map((violation) => `${violation.field}: ${violation.code}`);
  }
  return result;
}

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  await createUser(database.db, { email: "pm@example.test", role: "engineering" });
  await createUser(database.db, { email: "fm@example.test", role: "delivery_fm" });
  await createUser(database.db, { email: "lead@example.test", role: "team_lead" });
  for (const seats of [300, 200]) {
    await createEntitlement(database.db, {
      serviceId: "teams",
      stage: "delivery",
      segments: [{ seats, l1: "blocked", scenarioId: "blocked_delivery", l2: "product_feature_capability" }],
    });
  }
});
afterAll(() => database.close());

describe("unblock work-items", () => {
  it("adds, lists, edits, ships once and reports, as the product group", async () => {
    const added = await run(
      "pm@example.test",
      "add",
      "--title",
      "Teams recording storage",
      "--l2",
      "Product Feature/Capability",
      "--service",
      "teams",
      "--json",
    );
    expect(added.error).toBe("");
    const item = JSON.parse(added.out);
    // Two tenants: fewer than five, so the product group sees the count withheld.
    expect(item).toMatchObject({ l2: "product_feature_capability", blocked: null, suppressed: true });

    const listed = await run("lead@example.test", "list");
    expect(listed.out).toContain("Teams recording storage");
    expect(listed.out).toContain("unblocks: 500 seats at 2 tenants");

    const edited = await run(
      "pm@example.test",
      "update",
      item.id,
      "--item-version",
      "1",
      "--state",
      "planned",
    );
    expect(edited.out).toMatch(/^Saved: .* v2 {2}Planned/);
    const stale = await run("pm@example.test", "update", item.id, "--item-version", "1", "--title", "Late");
    expect(stale.error).toMatch(/changed by someone else/);

    const shipped = await run("pm@example.test", "ship", item.id);
    expect(shipped.out).toMatch(/^Shipped on 2025-03-10: 2 Blocked entitlements, 0 re-check items/);
    expect((await run("pm@example.test", "ship", item.id)).out).toMatch(/Already shipped/);
    expect((await run("fm@example.test", "report")).out).toContain(
      "2025-03-10  Teams recording storage  unblocked so far (window ends 2025-06-08): 0 seats at 0 tenants",
    );
  });

  it("names the field of an unknown L2 and refuses a Delivery FM", async () => {
    const unknown = await run("pm@example.test", "add", "--title", "X", "--l2", "no such reason");
    expect(unknown.violations).toEqual(["l2: l2_unknown"]);
    const refused = await run("fm@example.test", "add", "--title", "X", "--l2", "legal_regulatory");
    expect(refused.error).toMatch(/Only the product group/);
  });
});
