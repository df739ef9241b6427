import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign, setPassword } from "../../../test/factories/access.ts";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps, testNow } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import { buildServer } from "../build-server.ts";

const password = "correct horse battery";

describe("sign-in, sessions and API tokens", () => {
  let database: TestDatabase;
  let deps: AppDeps & { setNow(d: Date): void };
  let server: FastifyInstance;
  let fm: Actor;
  let entitlementId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
    fm = await createUser(database.db, { role: "delivery_fm", email: "dev.delivery@example.test" });
    await setPassword(database.db, fm.id, password);
    const entitlement = await createEntitlement(database.db, { serviceId: "teams" });
    entitlementId = entitlement.id;
    await assign(database.db, fm.id, { tenantId: entitlement.tenantId });
    server = await buildServer(deps, {
      webRoot: "/nonexistent",
      loginRateLimit: { max: 30, timeWindow: 60_000 },
    });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const login = (email: string, secret: string, headers: Record<string, string> = {}) =>
    server.inject({ method: "POST", url: "/api/auth/login", payload: { email, password: secret }, headers });
  const cookieOf = (response: LightMyRequestResponse) => {
    const header = String(response.headers["set-cookie"]);
    return header.split(";")[0]!;
  };
  const me = (headers: Record<string, string>) => server.inject({ method: "GET", url: "/api/me", headers });

  it("answers 401 problem+json without credentials, but serves health and the API document", async () => {
    for (const url of [
      "/api/me",
      "/api/entitlements",
      `/api/entitlements/${entitlementId}`,
      "/api/playbook",
    ]) {
      const response = await server.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(401);
      expect(response.headers["content-type"]).toMatch(/problem\+json/);
      expect(response.json().code).toBe("unauthenticated");
    }
    expect((await server.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    expect((await server.inject({ method: "GET", url: "/api/openapi.json" })).statusCode).toBe(200);
  });

  it("signs in with the right password: HttpOnly SameSite=Lax cookie, user, permissions and CSRF token", async () => {
    const response = await login("Dev.Delivery@example.test", password);
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers["set-cookie"]);
    expect(cookie).toMatch(/^unblock_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const body = response.json();
    expect(body.user).toEqual({ id: fm.id, email: fm.email, name: fm.name, role: "delivery_fm" });
    expect(body.permissions).toContain("status.write.delivery");
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);

    const again = await me({ cookie: cookieOf(response) });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(body);
  });

  it("marks the cookie Secure when the request came over https through a trusted proxy", async () => {
    const proxied = await buildServer(deps, { webRoot: "/nonexistent", trustProxy: true });
    const response = await proxied.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: fm.email, password },
      headers: { "x-forwarded-proto": "https" },
    });
    await proxied.close();
    expect(String(response.headers["set-cookie"])).toMatch(/; Secure/);
  });

  it("gives the same 401 for a wrong password and an unknown email", async () => {
    const wrong = await login(fm.email, "not the password at all");
    const unknown = await login("nobody@example.test", password);
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({
        code: "sign_in_failed",
        detail: "The email or password is not right.",
      });
      expect(response.headers["set-cookie"]).toBeUndefined();
    }
  });

  it("needs the CSRF token on writes made with the cookie, and not on reads", async () => {
    const response = await login(fm.email, password);
    const cookie = cookieOf(response);
    const { csrfToken } = response.json();
    expect(
      (await server.inject({ method: "GET", url: `/api/entitlements/${entitlementId}`, headers: { cookie } }))
        .statusCode,
    ).toBe(200);
    const write = (headers: Record<string, string>) =>
      server.inject({
        method: "POST",
        url: "/api/auth/tokens",
        headers: { cookie, ...headers },
        payload: { name: "laptop" },
      });
    const missing = await write({});
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe("csrf_failed");
    expect((await write({ "x-csrf-token": "forged" })).statusCode).toBe(403);
    expect((await write({ "x-csrf-token": csrfToken })).statusCode).toBe(201);
  });

  it("ends the session on sign-out", async () => {
    const response = await login(fm.email, password);
    const cookie = cookieOf(response);
    const out = await server.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie, "x-csrf-token": response.json().csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers["set-cookie"])).toMatch(/unblock_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await me({ cookie })).statusCode).toBe(401);
  });

  it("ends a session idle for more than 12 hours", async () => {
    const cookie = cookieOf(await login(fm.email, password));
    deps.setNow(new Date(testNow.getTime() + 13 * 3_600_000));
    try {
      expect((await me({ cookie })).statusCode).toBe(401);
    } finally {
      deps.setNow(testNow);
    }
  });

  it("shows a token once, stores only its hash, and stops it when revoked", async () => {
    const session = await login(fm.email, password);
    const headers = { cookie: cookieOf(session), "x-csrf-token": session.json().csrfToken };
    const created = await server.inject({
      method: "POST",
      url: "/api/auth/tokens",
      headers,
      payload: { name: "ci" },
    });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token).toMatch(/^ubk_[\w-]{40,}$/);
    expect(token.startsWith(prefix)).toBe(true);

    const stored = await database.execute("select token_hash from api_tokens where id = $1", [id]);
    expect(String(stored.rows[0]?.token_hash)).toMatch(/^[0-9a-f]{64}$/);
    const leaked = await database.execute("select count(*)::int as n from api_tokens where token_hash = $1", [
      token,
    ]);
    expect(leaked.rows[0]?.n).toBe(0);

    const listed = await server.inject({ method: "GET", url: "/api/auth/tokens", headers });
    expect(JSON.stringify(listed.json())).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    expect((await me(bearer)).json()).toMatchObject({ user: { email: fm.email }, csrfToken: null });
    // Writes with a token need no CSRF header: browsers never send it on their own.
    const revoked = await server.inject({ method: "DELETE", url: `/api/auth/tokens/${id}`, headers: bearer });
    expect(revoked.statusCode).toBe(200);
    const after = await me(bearer);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe("token_invalid");
  });

  it("locks the account after five failures in a row, even for the right password, for 15 minutes", async () => {
    const victim = await createUser(database.db, { role: "viewer" });
    await setPassword(database.db, victim.id, password);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect((await login(victim.email, `wrong guess ${attempt}`)).statusCode).toBe(401);
    }
    const fifth = await login(victim.email, "wrong guess 5");
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().code).toBe("sign_in_locked");
    expect(Number(fifth.headers["retry-after"])).toBe(15 * 60);
    expect((await login(victim.email, password)).statusCode).toBe(429);

    deps.setNow(new Date(testNow.getTime() + 16 * 60_000));
    try {
      expect((await login(victim.email, password)).statusCode).toBe(200);
    } finally {
      deps.setNow(testNow);
    }
  });

  it("limits sign-in attempts per address", async () => {
    const strict = await buildServer(deps, {
      webRoot: "/nonexistent",
      loginRateLimit: { max: 3, timeWindow: 60_000 },
    });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const response = await strict.inject({
        method: "POST",
        url: "/api/auth/login",
        // Counts are kept per address in the database the other tests' sign-ins share.
        remoteAddress: "192.0.2.43",
        payload: { email: `someone${attempt}@example.test`, password: "whatever it is" },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(response.json().code).toBe("rate_limited");
    }
    await strict.close();
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("limits an address across servers of the same database", async () => {
    // Two servers behind a load balancer: the address gets the limit once, not once per server.
    const limits = { webRoot: "/nonexistent", loginRateLimit: { max: 3, timeWindow: 60_000 } };
    const servers = [await buildServer(deps, limits), await buildServer(deps, limits)];
    const statuses: number[] = [];
    try {
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const response = await servers[attempt % 2]!.inject({
          method: "POST",
          url: "/api/auth/login",
          remoteAddress: "192.0.2.44",
          payload: { email: `roaming${attempt}@example.test`, password: "whatever it is" },
        });
        statuses.push(response.statusCode);
      }
      // Another address still gets its own attempts.
      const other = await servers[0]!.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress: "192.0.2.45",
        payload: { email: "roaming@example.test", password: "whatever it is" },
      });
      expect(other.statusCode).toBe(401);
    } finally {
      await Promise.all(servers.map((server) => server.close()));
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("stops the sessions of a disabled user at once", async () => {
    const admin = await createUser(database.db, { role: "admin" });
    await setPassword(database.db, admin.id, password);
    const leaver = await createUser(database.db, { role: "viewer" });
    await setPassword(database.db, leaver.id, password);
    const leaverCookie = cookieOf(await login(leaver.email, password));
    const adminSession = await login(admin.email, password);
    const disabled = await server.inject({
      method: "PATCH",
      url: `/api/users/${leaver.id}`,
      headers: { cookie: cookieOf(adminSession), "x-csrf-token": adminSession.json().csrfToken },
      payload: { version: 1, disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    expect((await me({ cookie: leaverCookie })).statusCode).toBe(401);
    expect((await login(leaver.email, password)).statusCode).toBe(401);
  });
});
