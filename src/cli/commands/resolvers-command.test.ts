import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { capturedOutput, runCommand } from "../../../test/support/cli-harness.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import { systemActor } from "../../app/auth/system-actor.ts";
import { findUserByEmail } from "../../app/users/find-user.ts";
import type { Database } from "../../db/client.ts";
import { isAppError } from "../../domain/app-error.ts";
import type { CommandIo } from "./command-io.ts";
import { resolversCommand } from "./resolvers-command.ts";

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
      await fn(deps, (user as Actor | null) ?? systemActor);
    },
  };
  try {
    await runCommand(resolversCommand(io), args);
  } catch (error) {
    if (!isAppError(error)) throw error;
    result.error = error.message;
  }
  return result;
}

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  await createUser(database.db, { email: "sam@example.test", name: "Sam Seller", role: "account_team" });
  await createUser(database.db, { email: "vera@example.test", role: "viewer" });
});
afterAll(() => database.close());

describe("unblock resolvers", () => {
  it("adds a member by email, lists the group with its people, and removes them", async () => {
    const added = await run("add", "Seller and licensing specialists", "sam@example.test");
    expect(added.error).toBe("");
    expect(added.out).toContain(
      "Seller and licensing specialists: 1 member; L2s: Billing Licensing and Subscription",
    );
    expect(added.out).toContain("  Sam Seller <sam@example.test> (account_team)");
    const listed = await run("--json");
    const groups = JSON.parse(listed.out) as { name: string; memberCount: number }[];
    expect(groups.find((group) => group.name === "Seller and licensing specialists")?.memberCount).toBe(1);
    expect(groups.find((group) => group.name === "Account Team")?.memberCount).toBe(0);
    const removed = await run("remove", "Seller and licensing specialists", "sam@example.test");
    expect(removed.out).toContain("0 members");
  });

  it("refuses a non-Admin and an unknown group, saying why", async () => {
    expect(
      (await run("add", "Account Team", "sam@example.test", "--as", "vera@example.test")).error,
    ).toContain("Only an Admin may change who belongs to a resolver group");
    expect((await run("add", "Account team x", "sam@example.test")).error).toContain(
      'There is no resolver group "Account team x"',
    );
  });
});
