import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntitlement } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { capturedOutput, runCommand } from "../../../test/support/cli-harness.ts";
import { defaultPlaybookPath } from "../../../test/support/default-playbook.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { AppDeps } from "../../app/app-deps.ts";
import { systemActor } from "../../app/auth/system-actor.ts";
import { loadPlaybook } from "../../app/playbook/load-playbook.ts";
import { recordPlaybookAtStart } from "../../app/playbook/record-playbook-at-start.ts";
import { isAppError } from "../../domain/app-error.ts";
import type { CommandIo } from "./command-io.ts";
import { playbookCommand } from "./playbook-command.ts";

const folder = mkdtempSync(join(tmpdir(), "unblock-playbook-cli-"));
const declaredPath = join(folder, "declared.yaml");
writeFileSync(
  declaredPath,
  `${readFileSync(defaultPlaybookPath, "utf8")
    .replace(/^version: .*$/m, "version: 1.1.0")
    .replaceAll("service_reliability", "service_health")
    .replaceAll("Service Reliability", "Service Health")}
changes:
  - { kind: rename, version: 1.1.0, from: blocked/service_reliability, to: blocked/service_health }
`,
);

let database: TestDatabase;
let deps: AppDeps;

async function run(...args: string[]) {
  const { result: output, sinks } = capturedOutput();
  const result = Object.assign(output, { error: "" });
  const io: CommandIo = { ...sinks, interactive: false, withApp: (_, fn) => fn(deps, systemActor) };
  try {
    await runCommand(playbookCommand(sinks, io), args);
  } catch (error) {
    if (!isAppError(error)) throw error;
    result.error = error.message;
  }
  return result;
}

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  const startedOn = loadPlaybook(defaultPlaybookPath);
  deps.playbook = { index: startedOn.index, path: startedOn.path, sha256: startedOn.sha256 };
  await recordPlaybookAtStart(deps, startedOn);
  await createEntitlement(database.db, {
    segments: [{ seats: 42, l1: "blocked", scenarioId: "blocked_delivery", l2: "service_reliability" }],
  });
});
afterAll(async () => {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("unblock playbook diff|apply|versions", () => {
  it("diff prints each declared change with the statuses and seats it touches", async () => {
    const diff = await run("diff", defaultPlaybookPath, declaredPath);
    expect(diff.error).toBe("");
    expect(diff.out).toContain("Playbook onboarding_default 1.0.0 -> onboarding_default 1.1.0");
    expect(diff.out).toContain(
      "1.1.0 rename blocked/service_reliability -> blocked/service_health: 1 status, 42 seats",
    );
    expect(diff.out).toContain(
      'blocked/service_reliability removed "Service Reliability": 1 status, 42 seats stored',
    );
  });

  it("apply --dry-run shows the statuses it remaps; apply remaps them; versions lists both", async () => {
    const dry = await run("apply", declaredPath, "--dry-run");
    expect(dry.out).toContain("Dry run: nothing was changed.");
    expect(dry.out).toMatch(/exchange: blocked\/service_reliability -> blocked\/service_health \(42 seats\)/);
    const applied = await run("apply", declaredPath);
    expect(applied.out).toContain("Applied onboarding_default 1.1.0: remapped 1 status.");
    const versions = await run("versions");
    expect(versions.out).toMatch(/onboarding_default 1\.0\.0 {2}start by system/);
    expect(versions.out).toMatch(
      /onboarding_default 1\.1\.0 {2}cli by system {2}1 change\(s\), remapped 1 status/,
    );
  });
});
