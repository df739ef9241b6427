import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps, testNow } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { openDatabase } from "../../db/client.ts";
import { revokeToken } from "../../db/repositories/token-repository.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { updateUser } from "../users/update-user.ts";
import { createApiToken, resolveApiToken, revokeApiToken } from "./api-tokens.ts";
import { credentialLifetimeMs, listenForCredentialChanges } from "./credential-cache.ts";

describe("credential cache", () => {
  let database: TestDatabase;
  let deps: AppDeps & { setNow(d: Date): void };
  let admin: Actor;

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
    admin = await createUser(database.db, { role: "admin" });
  });
  afterAll(() => database.close());

  async function tokenOf(role: string): Promise<{ user: Actor; token: string; id: string }> {
    const user = await createUser(database.db, { role });
    const created = await createApiToken(
      deps,
      { actor: admin, source: "api" },
      { userId: user.id, name: "t" },
    );
    return { user, token: created.token, id: created.view.id };
  }

  it("believes a token revoked by another process for at most the credential lifetime", async () => {
    deps.setNow(testNow);
    const { user, token, id } = await tokenOf("viewer");
    expect((await resolveApiToken(deps, token))?.id).toBe(user.id);
    // Another server process revokes it: this one has not heard of it yet.
    await revokeToken(database.db, id, testNow);
    expect((await resolveApiToken(deps, token))?.id).toBe(user.id);
    deps.setNow(new Date(testNow.getTime() + credentialLifetimeMs));
    expect(await resolveApiToken(deps, token)).toBeNull();
    deps.setNow(testNow);
  });

  it("refuses a token revoked in this process on the next request", async () => {
    const { user, token, id } = await tokenOf("viewer");
    expect((await resolveApiToken(deps, token))?.id).toBe(user.id);
    await revokeApiToken(deps, { actor: admin, source: "api" }, id);
    expect(await resolveApiToken(deps, token)).toBeNull();
  });

  it("applies a new role and a disabled account in this process on the next request", async () => {
    const { user, token } = await tokenOf("viewer");
    expect((await resolveApiToken(deps, token))?.role).toBe("viewer");
    await updateUser(deps, { actor: admin, source: "api" }, user.id, { version: 1, role: "delivery_fm" });
    expect((await resolveApiToken(deps, token))?.role).toBe("delivery_fm");
    await updateUser(deps, { actor: admin, source: "api" }, user.id, { version: 2, disabled: true });
    expect(await resolveApiToken(deps, token)).toBeNull();
  });

  // A second server process needs a second connection to the same database: a PostgreSQL server.
  it.skipIf(!process.env.DATABASE_URL)(
    "refuses on another server a token revoked on this one, without waiting out the lifetime",
    async () => {
      const other = await openDatabase({ url: database.url!, poolSize: 2 });
      try {
        const otherDeps = await makeTestDeps(other);
        await listenForCredentialChanges(otherDeps);
        const { user, token, id } = await tokenOf("viewer");
        expect((await resolveApiToken(otherDeps, token))?.id).toBe(user.id);
        await revokeApiToken(deps, { actor: admin, source: "api" }, id);
        // Told, the other server refuses within moments; untold, it would believe the token for
        // the whole lifetime, so half of it is the deadline.
        await expect
          .poll(() => resolveApiToken(otherDeps, token), { timeout: credentialLifetimeMs / 2, interval: 10 })
          .toBeNull();
      } finally {
        await other.close();
      }
    },
  );
});
