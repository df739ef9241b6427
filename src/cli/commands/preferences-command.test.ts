import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { capturedOutput, runCommand } from "../../../test/support/cli-harness.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import type { CommandIo } from "./command-io.ts";
import { preferencesCommand } from "./preferences-command.ts";

let database: TestDatabase;
let deps: AppDeps;
let ann: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  ann = await createUser(database.db, { role: "delivery_fm", email: "ann.prefs@example.test" });
});
afterAll(() => database.close());

async function run(...args: string[]) {
  const { result, sinks } = capturedOutput();
  const io: CommandIo = { ...sinks, interactive: false, withApp: (_options, fn) => fn(deps, ann) };
  await runCommand(preferencesCommand(io), args);
  return result;
}

describe("unblock preferences", () => {
  it("shows the defaults, then changes what is given", async () => {
    expect((await run()).out).toContain("time zone     UTC (not chosen yet)");
    const changed = await run(
      "--time-zone",
      "europe/rome",
      "--digest",
      "weekly",
      "--notice-mail",
      "off",
      "--json",
    );
    expect(JSON.parse(changed.out)).toEqual({
      timeZone: "Europe/Rome",
      timeZoneChosen: true,
      digest: "weekly",
      noticeMail: false,
      // Not chosen: the web app follows the browser, the API Accept-Language.
      language: null,
    });
    expect((await run()).out).toContain("digest        Mondays at 07:00");
  });

  it("refuses an unknown time zone naming the field", async () => {
    await expect(run("--time-zone", "Mars/Olympus_Mons")).rejects.toMatchObject({
      code: "validation_failed",
      violations: [{ field: "timeZone", code: "time_zone_unknown" }],
    });
  });
});
