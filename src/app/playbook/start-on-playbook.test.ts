import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntitlement } from "../../../test/factories/portfolio.ts";
import { defaultPlaybookPath } from "../../../test/support/default-playbook.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { systemActor } from "../auth/system-actor.ts";
import { startApp } from "../start-app.ts";
import { applyPlaybook } from "./apply-playbook.ts";

/**
 * The example through the start-up itself: a copy of the default
 * playbook renames service_reliability; a server refuses to start on it until
 * `playbook apply` (which opens the database without the check) moved them.
 */
const folder = mkdtempSync(join(tmpdir(), "unblock-start-on-playbook-"));
function copy(name: string, changes = ""): string {
  const path = join(folder, name);
  const renamed = readFileSync(defaultPlaybookPath, "utf8")
    .replace(/^version: .*$/m, "version: 1.1.0")
    .replaceAll("service_reliability", "service_health")
    .replaceAll("Service Reliability", "Service Health");
  writeFileSync(path, `${renamed}\n${changes}`);
  return path;
}
const renamed = copy("renamed.yaml");
const declared = copy(
  "declared.yaml",
  "changes:\n  - { kind: rename, version: 1.1.0, from: blocked/service_reliability, to: blocked/service_health }\n",
);

let server: TestDatabase | null = null;
/** The database the starts open: the test server's on PostgreSQL, a data folder of its own on PGlite. */
let target: { databaseUrl?: string; dataDir?: string };

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    server = await openTestDatabase();
    target = { databaseUrl: server.url! };
  } else target = { dataDir: join(folder, "data") };
});
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("starting on a playbook that renames a stored L2", () => {
  it("is refused naming the id, its statuses and the command, and starts once the change is applied", async () => {
    const first = await startApp({ ...target, playbookPath: defaultPlaybookPath });
    await createEntitlement(first.deps.database.db, {
      segments: [{ seats: 42, l1: "blocked", scenarioId: "blocked_delivery", l2: "service_reliability" }],
    });
    await first.close();

    await expect(startApp({ ...target, playbookPath: renamed })).rejects.toThrow(
      `would leave stored values without a mapping: blocked/service_reliability (1 status). Declare where each goes in the playbook's changes: section`,
    );
    await expect(startApp({ ...target, playbookPath: renamed })).rejects.toThrow(
      `\`unblock playbook apply ${renamed} --dry-run\``,
    );

    const cli = await startApp({ ...target, playbookPath: defaultPlaybookPath, recordPlaybook: false });
    await applyPlaybook(cli.deps, { actor: systemActor, source: "cli" }, { candidate: { path: declared } });
    await cli.close();
    const started = await startApp({ ...target, playbookPath: declared });
    expect(started.deps.playbook.index.l2("blocked", "service_health")?.name).toBe("Service Health");
    await started.close();
  });
});
