import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../test/factories/test-deps.ts";
import { freePort } from "../../test/support/free-port.ts";
import { openTestDatabase, type TestDatabase } from "../../test/support/test-database.ts";
import { createApiToken, revokeApiToken } from "../app/auth/api-tokens.ts";
import { credentialLifetimeMs } from "../app/auth/credential-cache.ts";

const bin = new URL("../../bin/unblock.js", import.meta.url).pathname;

// Two processes on one PostgreSQL server: `unblock serve`, and this test acting as a second server.
describe.skipIf(!process.env.DATABASE_URL)("unblock serve beside another server process", () => {
  let database: TestDatabase;
  let child: ChildProcess;
  let base: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [bin, "serve"], {
      env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), LOG_LEVEL: "warn" },
      stdio: "ignore",
    });
    // Wait on readiness, not on a count of tries: a busy machine may take minutes to start the server.
    let exited = false;
    child.once("exit", () => {
      exited = true;
    });
    let health: Response | null = null;
    while (!health && !exited) {
      health = await fetch(`${base}/api/health`).catch(() => null);
      if (!health) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(health?.status).toBe(200);
  }, 600_000);
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
    await database?.close();
  });

  it("stops honouring a token revoked by the other process at once, not a credential lifetime later", async () => {
    const deps = await makeTestDeps(database, new Date());
    const admin = await createUser(database.db, { role: "admin" });
    const viewer = await createUser(database.db, { role: "viewer" });
    const { token, view } = await createApiToken(
      deps,
      { actor: admin, source: "api" },
      { userId: viewer.id, name: "laptop" },
    );
    const me = () => fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    // The server resolves the token and remembers it.
    expect((await me()).status).toBe(200);
    expect((await me()).status).toBe(200);

    await revokeApiToken(deps, { actor: admin, source: "api" }, view.id);
    // Untold, the server would answer 200 for the whole lifetime: half of it is the deadline.
    await expect
      .poll(async () => (await me()).status, { timeout: credentialLifetimeMs / 2, interval: 10 })
      .toBe(401);
  });
});
