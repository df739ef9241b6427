import type { AppDeps } from "../../src/app/app-deps.ts";
import type { Database } from "../../src/db/client.ts";
import { defaultIndex, defaultPlaybookPath } from "../support/default-playbook.ts";
import { ensureServices } from "./portfolio.ts";

/** A fixed "now" for tests: dates in assertions stay readable and never drift. */
export const testNow = new Date("2025-03-10T09:00:00.000Z");

/** AppDeps over a test database with the default playbook and a settable clock. */
export async function makeTestDeps(
  database: Database,
  now: Date = testNow,
): Promise<AppDeps & { setNow(d: Date): void }> {
  await ensureServices(database.db);
  let current = now;
  return {
    database,
    playbook: { index: defaultIndex(), path: defaultPlaybookPath, sha256: "test" },
    now: () => current,
    setNow: (next: Date) => {
      current = next;
    },
  };
}
