import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../test/factories/test-deps.ts";
import { type ServeProcess, startServe } from "../../test/support/serve-process.ts";
import { openTestDatabase, type TestDatabase } from "../../test/support/test-database.ts";
import { createApiToken, revokeApiToken } from "../app/auth/api-tokens.ts";

// Two processes on one PostgreSQL server: `unblock serve`, and this test acting as a second server.
describe.skipIf(!process.env.DATABASE_URL)("unblock serve beside another server process", () => {
  let database: TestDatabase;
  let serve: ServeProcess;
  let base: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    // Any free port, and readiness rather than a count of tries: a busy machine may take minutes to start it.
    // A minute's lifetime in the server: only the notification can make it refuse within the poll below.
    serve = await startServe({
      ...process.env,
      DATABASE_URL: database.url,
      UNBLOCK_CREDENTIAL_CACHE_MS: "60000",
    });
    base = serve.base;
  }, 600_000);
  afterAll(async () => {
    await serve?.stop();
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
    // Untold, the server would answer 200 for its whole minute: half of it is the deadline.
    await expect.poll(async () => (await me()).status, { timeout: 30_000, interval: 10 }).toBe(401);
  });
});
