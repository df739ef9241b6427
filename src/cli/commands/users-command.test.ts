import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomer, createTenant, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { capturedOutput, runCommand } from "../../../test/support/cli-harness.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import { resolveApiToken } from "../../app/auth/api-tokens.ts";
import { systemActor } from "../../app/auth/bootstrap-admin.ts";
import { signIn } from "../../app/auth/sign-in.ts";
import { findUserByEmail } from "../../app/users/find-user.ts";
import type { Database } from "../../db/client.ts";
import { isAppError } from "../../domain/app-error.ts";
import type { CommandIo } from "./command-io.ts";
import { usersCommand } from "./users-command.ts";

let database: Database;
let deps: AppDeps;
let typedPassword = "";

/** Runs `unblock users ...` against the test database as `--as` (or the system when nobody exists). */
async function run(...args: string[]) {
  const { result: output, sinks } = capturedOutput();
  const result = Object.assign(output, { error: "" });
  const io: CommandIo = {
    ...sinks,
    interactive: false,
    withApp: async (options, fn) => {
      const user = options.as ? await findUserByEmail(deps, options.as) : null;
      if (options.as && !user) throw new Error(`no user ${options.as}`);
      await fn(deps, (user as Actor | null) ?? systemActor);
    },
  };
  try {
    await runCommand(
      usersCommand(io, async () => typedPassword),
      args,
    );
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
});
afterAll(() => database.close());

describe(usersCommand.name, () => {
  it("adds the first Admin with a password read from stdin, who can then sign in", async () => {
    typedPassword = "first admin passphrase";
    const result = await run(
      "add",
      "ops@example.test",
      "--name",
      "Ops Admin",
      "--role",
      "Admin",
      "--password-stdin",
    );
    expect(result.out).toMatch(/^Created ops@example.test\tOps Admin\tadmin\n$/);
    expect(result.out).not.toContain(typedPassword);
    const signedIn = await signIn(deps, { email: "ops@example.test", password: typedPassword });
    expect(signedIn.ok).toBe(true);
  });

  it("adds a user with a generated password printed once, and lists users", async () => {
    const result = await run(
      "add",
      "fm@example.test",
      "--name",
      "Fay FM",
      "--role",
      "delivery_fm",
      "--generate-password",
      "--as",
      "ops@example.test",
    );
    const password = /Password \(shown once\): (\S+)/.exec(result.out)?.[1] ?? "";
    expect(password).toHaveLength(24);
    expect((await signIn(deps, { email: "fm@example.test", password })).ok).toBe(true);
    const list = await run("list", "--as", "ops@example.test");
    expect(list.out).toContain("fm@example.test\tFay FM\tdelivery_fm");
  });

  it("changes a role, and refuses a Delivery FM doing it in words", async () => {
    const refused = await run("set-role", "fm@example.test", "viewer", "--as", "fm@example.test");
    expect(refused.error).toMatch(/Only an Admin may manage users/);
    const changed = await run("set-role", "fm@example.test", "team_lead", "--as", "ops@example.test");
    expect(changed.out).toContain("fm@example.test\tFay FM\tteam_lead");
    await run("set-role", "fm@example.test", "delivery_fm", "--as", "ops@example.test");
  });

  it("assigns to a tenant by domain and a customer by external id, as policy allows", async () => {
    const customer = await createCustomer(database.db, { externalId: "TP-42", name: "Tailspin" });
    await createTenant(database.db, {
      customerId: customer.id,
      domain: "tailspin.example",
      name: "Tailspin HQ",
    });
    const viewer = await createUser(database.db, { role: "viewer", email: "vee@example.test" });

    const byFm = await run(
      "assign",
      "vee@example.test",
      "--tenant",
      "tailspin.example",
      "--as",
      "fm@example.test",
    );
    expect(byFm.error).toMatch(/not assigned|primary/);
    expect(
      (await run("assign", "fm@example.test", "--customer", "TP-42", "--primary", "--as", "ops@example.test"))
        .out,
    ).toBe("Assigned fm@example.test to Tailspin as primary.\n");
    // Now primary on the customer, the FM may assign others there.
    expect(
      (await run("assign", viewer.email, "--tenant", "TAILSPIN.example", "--as", "fm@example.test")).out,
    ).toBe("Assigned vee@example.test to Tailspin HQ.\n");
    expect(
      (
        await run(
          "assign",
          viewer.email,
          "--tenant",
          "tailspin.example",
          "--remove",
          "--as",
          "fm@example.test",
        )
      ).out,
    ).toBe("Removed vee@example.test from Tailspin HQ.\n");
    const { rows } = await database.execute(
      "select action, source, actor_email from audit_log where action like 'assignment.%' order by id",
    );
    expect(rows.map((row) => [row.action, row.source, row.actor_email])).toEqual([
      ["assignment.create", "cli", "ops@example.test"],
      ["assignment.create", "cli", "fm@example.test"],
      ["assignment.delete", "cli", "fm@example.test"],
    ]);
  });

  it("prints an API token that acts as its user", async () => {
    const result = await run(
      "token",
      "fm@example.test",
      "--name",
      "laptop",
      "--days",
      "30",
      "--as",
      "ops@example.test",
    );
    const token = result.out.trim();
    expect(token).toMatch(/^ubk_/);
    expect(result.err).toMatch(/Shown only now/);
    expect((await resolveApiToken(deps, token))?.email).toBe("fm@example.test");
  });
});
