import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { FastifyInstance } from "fastify";
import openapiTS, { astToString } from "openapi-typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerFor } from "../../../test/factories/access.ts";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { buildServer } from "../build-server.ts";

const run = promisify(execFile);
const root = new URL("../../../", import.meta.url);
const tsc = new URL("node_modules/typescript/bin/tsc", root).pathname;

/**
 * What a client written against openapi.json does, type-checked: read one
 * entitlement, then record its status with the version read. The bodies and
 * answers are typed from the document (`paths`), so the type check fails if
 * the document stops describing them; the lines marked ts-expect-error fail
 * it if the types ever go loose (any).
 */
const clientSource = `import createClient from "openapi-fetch";
import type { paths } from "./schema.ts";

export async function readAndWrite(baseUrl: string, token: string, id: string) {
  const client = createClient<paths>({ baseUrl, headers: { authorization: \`Bearer \${token}\` } });
  const read = await client.GET("/api/entitlements/{id}", { params: { path: { id } } });
  if (!read.data) throw new Error(\`read refused: \${read.error.code}\`);
  const version: number = read.data.version;
  const serviceId: string = read.data.service.id;
  const segments = [
    {
      seats: read.data.availableSeats,
      l1: "in_progress" as const,
      serviceStatus: "assess",
      engagementScenario: "customer_led",
      targetDate: "2025-06-30",
      note: "Deploying; assessing the network.",
    },
  ];
  const written = await client.PUT("/api/entitlements/{id}/status", {
    params: { path: { id } },
    body: { version, segments },
  });
  const stale = await client.PUT("/api/entitlements/{id}/status", {
    params: { path: { id } },
    body: { version, segments },
  });
  const problem: string | undefined = stale.error?.code;
  return { serviceId, written: written.data, status: written.response.status, problem };
}

export function neverCalled(client: ReturnType<typeof createClient<paths>>) {
  // @ts-expect-error a status write names the version it read
  void client.PUT("/api/entitlements/{id}/status", { params: { path: { id: "x" } }, body: { segments: [] } });
  // @ts-expect-error no such operation
  void client.GET("/api/no-such-route");
}
`;

describe("a TypeScript client generated from openapi.json (openapi-typescript + openapi-fetch)", () => {
  let database: TestDatabase;
  let server: FastifyInstance;
  let base: string;
  let token: string;
  let entitlementId: string;
  let folder: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    const deps = await makeTestDeps(database);
    const admin = await createUser(database.db, { role: "admin" });
    token = (await bearerFor(deps, admin)).authorization.replace(/^Bearer /, "");
    entitlementId = (await createEntitlement(database.db, { serviceId: "teams", stage: "delivery" })).id;
    server = await buildServer(deps, { webRoot: "/nonexistent" });
    await server.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;
    // Inside the project, so that the client's import of openapi-fetch resolves; one folder per run.
    const caches = new URL("node_modules/.cache/", root).pathname;
    await mkdir(caches, { recursive: true });
    folder = await mkdtemp(join(caches, "unblock-openapi-client-"));
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("type-checks against the generated types, then reads and writes through the running server", async () => {
    const document = JSON.parse(await readFile(new URL("openapi.json", root), "utf8"));
    await writeFile(join(folder, "schema.ts"), astToString(await openapiTS(document)));
    await writeFile(join(folder, "client.ts"), clientSource);
    await writeFile(join(folder, "package.json"), '{ "type": "module" }\n');
    const options = ["--strict", "--target", "es2022", "--module", "nodenext", "--skipLibCheck"];
    const typeCheck = await run(
      process.execPath,
      [tsc, ...options, "--rewriteRelativeImportExtensions", "client.ts"],
      {
        cwd: folder,
      },
    ).catch((error: { stdout: string }) => ({ stdout: error.stdout, failed: true }));
    expect(typeCheck.stdout).toBe("");

    const client = (await import(pathToFileURL(join(folder, "client.js")).href)) as {
      readAndWrite(baseUrl: string, token: string, id: string): Promise<Record<string, unknown>>;
    };
    const answer = await client.readAndWrite(base, token, entitlementId);
    expect(answer).toMatchObject({ serviceId: "teams", status: 200, problem: "version_conflict" });
    expect(answer.written).toMatchObject({ id: entitlementId, version: 2 });
  }, 120_000);
});
