import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerFor } from "../../../test/factories/access.ts";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { defaultPlaybookPath } from "../../../test/support/default-playbook.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { AppDeps } from "../../app/app-deps.ts";
import { loadPlaybook } from "../../app/playbook/load-playbook.ts";
import { recordPlaybookAtStart } from "../../app/playbook/record-playbook-at-start.ts";
import { buildServer } from "../build-server.ts";

/** The default playbook with service_reliability renamed; `changes` appended. */
function renamedText(changes = ""): string {
  const renamed = readFileSync(defaultPlaybookPath, "utf8")
    .replace(/^version: .*$/m, "version: 1.1.0")
    .replaceAll("service_reliability", "service_health")
    .replaceAll("Service Reliability", "Service Health");
  return `${renamed}\n${changes}`;
}

const declared = renamedText(`changes:
  - { kind: rename, version: 1.1.0, from: blocked/service_reliability, to: blocked/service_health }
`);

/** The Admin page's calls: files to choose, preview, apply (compare-and-set), versions for everyone. */
describe("playbook version routes", () => {
  let database: TestDatabase;
  let deps: AppDeps;
  let server: FastifyInstance;
  let admin: { authorization: string };
  let viewer: { authorization: string };

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
    const startedOn = loadPlaybook(defaultPlaybookPath);
    deps.playbook = { index: startedOn.index, path: startedOn.path, sha256: startedOn.sha256 };
    await recordPlaybookAtStart(deps, startedOn);
    server = await buildServer(deps, { webRoot: "/nonexistent" });
    admin = await bearerFor(deps, await createUser(database.db, { role: "admin" }));
    viewer = await bearerFor(deps, await createUser(database.db, { role: "viewer" }));
    for (const serviceId of ["exchange", "teams"]) {
      await createEntitlement(database.db, {
        serviceId,
        segments: [{ seats: 25, l1: "blocked", scenarioId: "blocked_delivery", l2: "service_reliability" }],
      });
    }
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const post = (url: string, headers: { authorization: string }, payload: object) =>
    server.inject({ method: "POST", url, headers, payload });

  it("lists the playbook files to an Admin only, translations left out", async () => {
    expect((await server.inject({ url: "/api/playbook/files", headers: viewer })).statusCode).toBe(403);
    const files = (await server.inject({ url: "/api/playbook/files", headers: admin })).json();
    expect(files.items).toContainEqual({
      name: "default.yaml",
      id: "onboarding_default",
      version: "1.0.0",
      inUse: true,
    });
    expect(files.items.map((item: { name: string }) => item.name)).not.toContain("default.de.yaml");
  });

  it("refuses a body naming both a file and content, naming the field", async () => {
    const answer = await post("/api/playbook/preview", admin, { file: "default.yaml", content: declared });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain("file");
  });

  it("refuses an upload that would orphan stored values, naming them", async () => {
    const answer = await post("/api/playbook/apply", admin, { content: renamedText(), name: "renamed.yaml" });
    expect(answer.statusCode).toBe(422);
    expect(answer.json().errors).toEqual([
      expect.objectContaining({ field: "blocked/service_reliability", code: "unmapped_value" }),
    ]);
  });

  it("previews, applies with the preview's base, and refuses a stale base", async () => {
    const preview = await post("/api/playbook/preview", admin, { content: declared, name: "renamed.yaml" });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ applied: false, dryRun: true, remappedStatuses: 2 });
    const base = preview.json().baseVersionId;
    expect(
      (await post("/api/playbook/apply", viewer, { content: declared, baseVersionId: base })).statusCode,
    ).toBe(403);
    const applied = await post("/api/playbook/apply", admin, {
      content: declared,
      name: "renamed.yaml",
      baseVersionId: base,
    });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({
      applied: true,
      version: { version: "1.1.0", source: "api", remappedStatuses: 2 },
    });
    // This server judges by the applied playbook at once.
    const playbook = (await server.inject({ url: "/api/playbook", headers: viewer })).json();
    expect(JSON.stringify(playbook)).toContain("Service Health");
    const stale = await post("/api/playbook/apply", admin, {
      content: renamedText("# edited\n"),
      baseVersionId: base,
    });
    expect(stale.statusCode).toBe(409);
    const versions = (await server.inject({ url: "/api/playbook/versions", headers: viewer })).json();
    expect(versions.items.map((item: { version: string }) => item.version)).toEqual(["1.0.0", "1.1.0"]);
  });
});
