import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { capturedOutput, runCommand } from "../../../test/support/cli-harness.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import { systemActor } from "../../app/auth/system-actor.ts";
import { JobRunner } from "../../app/jobs/job-runner.ts";
import { findUserByEmail } from "../../app/users/find-user.ts";
import type { Database } from "../../db/client.ts";
import { enqueueJob } from "../../db/repositories/job-repository.ts";
import { isAppError } from "../../domain/app-error.ts";
import type { CommandIo } from "./command-io.ts";
import { jobsCommand } from "./jobs-command.ts";

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
    await runCommand(jobsCommand(io), args);
  } catch (error) {
    if (!isAppError(error)) throw error;
    result.error = error.message;
  }
  return result;
}

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  await createUser(database.db, { email: "viewer@example.test", role: "viewer" });
});
afterAll(() => database.close());

describe("unblock jobs", () => {
  it("lists failed jobs with their last error, and retries one by id", async () => {
    const failing = new JobRunner(deps, {
      handlers: [
        {
          kind: "test.broken",
          run: () => Promise.reject(new Error("receiver said no")),
        },
      ],
    });
    const id = await enqueueJob(deps.database.db, { kind: "test.broken", maxAttempts: 1 }, deps.now());
    await enqueueJob(deps.database.db, { kind: "test.waiting" }, deps.now());
    await failing.tick();

    const failed = await run("--state", "failed");
    expect(failed.out).toContain(`${id}  test.broken  failed  attempts 1/1  last error: receiver said no`);
    expect(failed.out).not.toContain("test.waiting");
    expect(failed.out).toContain("queued 1, running 0, failed 1, done 0");

    const json = JSON.parse((await run("--json")).out) as { jobs: { kind: string }[] };
    expect(json.jobs.map((job) => job.kind)).toEqual(["test.waiting", "test.broken"]);

    expect((await run("retry", String(id))).out).toBe(`Job ${id} (test.broken) is queued again.\n`);
    expect((await run("--state", "failed")).out).toContain("failed 0");
    expect((await run("retry", String(id))).error).toContain("is queued; only a failed job is retried");
  });

  it("refuses anyone but an Admin, and an unknown state", async () => {
    expect((await run("--as", "viewer@example.test")).error).toContain("Only an Admin may list and retry");
    expect((await run("--state", "stuck")).error).toContain('There is no job state "stuck"');
  });
});
