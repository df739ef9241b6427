import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntitlement } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { AppDeps } from "../app-deps.ts";
import { noteJudgeBasis } from "./judge-unjudged-notes.ts";
import { judgeNotesJob } from "./quality-jobs.ts";

let database: TestDatabase;
let deps: AppDeps & { setNow(d: Date): void };

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database, new Date("2025-03-12T08:00:00Z"));
});
afterAll(() => database.close());

const run = () => judgeNotesJob.run(deps, {} as never);
const judgedVersion = async (id: string) => {
  const { rows } = await database.execute(
    `select version from quality_note_checks where entitlement_id = '${id}' and basis = '${noteJudgeBasis(deps)}'`,
  );
  return rows[0] ? Number(rows[0].version) : null;
};
const blocked = { seats: 5, l1: "blocked", l2: "app_compatibility", note: "Blocked." };

describe("the quality.judge_notes job", () => {
  it("sweeps the portfolio first, then looks at recent changes, and sweeps again after an hour", async () => {
    const old = await createEntitlement(database.db, {
      updatedAt: new Date("2024-01-01T00:00:00Z"),
      segments: [blocked],
    });
    await run();
    expect(await judgedVersion(old.id)).toBe(1);

    // A change made now is judged by the next quick look.
    deps.setNow(new Date("2025-03-12T08:01:00Z"));
    await database.execute(
      `update entitlements set version = 2, updated_at = '2025-03-12T08:00:30Z' where id = '${old.id}'`,
    );
    await run();
    expect(await judgedVersion(old.id)).toBe(2);

    // A change a quick look cannot see (its time left as it was) waits for the hourly sweep.
    await database.execute(`update entitlements set version = 3 where id = '${old.id}'`);
    deps.setNow(new Date("2025-03-12T08:30:00Z"));
    await run();
    expect(await judgedVersion(old.id)).toBe(2);
    deps.setNow(new Date("2025-03-12T09:01:00Z"));
    await run();
    expect(await judgedVersion(old.id)).toBe(3);
  });
});
