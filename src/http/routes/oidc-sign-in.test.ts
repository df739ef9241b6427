import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disableUser } from "../../../test/factories/access.ts";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { CookieBrowser } from "../../../test/support/cookie-browser.ts";
import { reservePort } from "../../../test/support/free-port.ts";
import { startTestProvider, type TestProvider } from "../../../test/support/oidc-test-provider.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import { readConfig } from "../../config.ts";
import { buildServer } from "../build-server.ts";

describe("sign-in through an OpenID Connect provider", () => {
  let database: TestDatabase;
  let deps: AppDeps;
  let provider: TestProvider;
  let server: FastifyInstance;
  let base: string;
  let callback: string;
  let known: Actor;
  let oidc: ReturnType<typeof readConfig>["oidc"];

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
    known = await createUser(database.db, { role: "delivery_fm", email: "oidc.fm@example.test" });
    const disabled = await createUser(database.db, { email: "gone@example.test" });
    await disableUser(database.db, disabled.id);
    const reserved = await reservePort();
    base = `http://127.0.0.1:${reserved.port}`;
    callback = `${base}/api/auth/oidc/callback`;
    provider = await startTestProvider({
      redirectUri: callback,
      identities: {
        known: { email: "OIDC.FM@Example.test", email_verified: true },
        stranger: { email: "stranger@example.test", email_verified: true },
        unverified: { email: "oidc.fm@example.test", email_verified: false },
        disabled: { email: "gone@example.test", email_verified: true },
      },
    });
    ({ oidc } = readConfig({
      UNBLOCK_OIDC_ISSUER: provider.issuer,
      UNBLOCK_OIDC_CLIENT_ID: provider.clientId,
      UNBLOCK_OIDC_CLIENT_SECRET: provider.clientSecret,
      UNBLOCK_PUBLIC_URL: `${base}/`,
      UNBLOCK_OIDC_NAME: "Test IdP",
    }));
    expect(oidc?.redirectUrl.href).toBe(callback);
    server = await buildServer(deps, {
      webRoot: "/nonexistent",
      loginRateLimit: { max: 100, timeWindow: 60_000 },
      oidc,
    });
    await reserved.release();
    await server.listen({ host: "127.0.0.1", port: reserved.port });
  });
  afterAll(async () => {
    await server?.close();
    await provider?.close();
    await database?.close();
  });

  const sessionCount = async () =>
    Number((await database.execute("select count(*)::int as n from sessions")).rows[0]!.n);

  /**
   * Opens /api/auth/oidc/start, signs in at the provider's login page as
   * `login` and consents (or cancels there when `login` is null), and returns
   * the provider's answer: the callback address the browser is sent to next
   * (not opened yet).
   */
  async function signInAtProvider(browser: CookieBrowser, login: string | null, next?: string): Promise<URL> {
    let url = `${base}/api/auth/oidc/start${next ? `?${new URLSearchParams({ next })}` : ""}`;
    let form: Record<string, string> | undefined;
    for (let hop = 0; hop < 20; hop++) {
      const response = await browser.request(url, form);
      form = undefined;
      if (response.status >= 300 && response.status < 400) {
        const location = CookieBrowser.location(response, url);
        if (`${location.origin}${location.pathname}` === callback) return location;
        url = location.href;
        continue;
      }
      const page = await response.text();
      if (response.status !== 200)
        throw new Error(`${url} answered ${response.status}: ${page.slice(0, 300)}`);
      if (login === null) url = `${url}/abort`;
      else if (page.includes('name="prompt" value="login"'))
        form = { prompt: "login", login, password: "any" };
      else if (page.includes('name="prompt" value="consent"')) form = { prompt: "consent" };
      else throw new Error(`unexpected page at ${url}: ${page.slice(0, 300)}`);
    }
    throw new Error("the provider never sent the browser back");
  }

  it("tells the web app single sign-on is on, and under which name", async () => {
    const response = await fetch(`${base}/api/auth/options`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ oidc: { name: "Test IdP", startPath: "/api/auth/oidc/start" } });
  });

  it("starts an authorization code flow with PKCE, state and nonce kept in a sealed HttpOnly cookie", async () => {
    const response = await fetch(`${base}/api/auth/oidc/start`, { redirect: "manual" });
    expect(response.status).toBe(302);
    const to = new URL(response.headers.get("location")!);
    expect(to.origin).toBe(provider.issuer);
    expect(to.searchParams.get("client_id")).toBe(provider.clientId);
    expect(to.searchParams.get("redirect_uri")).toBe(callback);
    expect(to.searchParams.get("response_type")).toBe("code");
    expect(to.searchParams.get("code_challenge_method")).toBe("S256");
    const state = to.searchParams.get("state")!;
    expect(state.length).toBeGreaterThanOrEqual(20);
    expect(to.searchParams.get("nonce")!.length).toBeGreaterThanOrEqual(20);
    const cookie = response.headers.getSetCookie().join("\n");
    expect(cookie).toMatch(
      /^unblock_oidc=[\w-]+; Path=\/api\/auth\/oidc; HttpOnly; SameSite=Lax; Max-Age=600$/,
    );
    expect(cookie).not.toContain(state);
  });

  it("signs a known user in with the provider's email, whatever its case, and opens the page asked for", async () => {
    const browser = new CookieBrowser();
    const answer = await signInAtProvider(browser, "known", "/tenants?view=blocked");
    expect(browser.cookie(base, "unblock_oidc")).toBeDefined();
    const response = await browser.request(answer.href);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/tenants?view=blocked");
    expect(response.headers.getSetCookie().join("\n")).toMatch(
      /unblock_session=[\w-]{40,}; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax/,
    );
    expect(browser.cookie(base, "unblock_oidc")).toBeUndefined();

    const me = await browser.request(`${base}/api/me`);
    expect(me.status).toBe(200);
    const body = await me.json();
    expect(body.user).toEqual({
      id: known.id,
      email: "oidc.fm@example.test",
      name: known.name,
      role: "delivery_fm",
    });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);

    // The provider's answer is good for one sign-in: the same callback again is refused.
    const again = await browser.request(answer.href);
    expect(again.headers.get("location")).toBe("/login?error=oidc_failed");
  });

  it("finishes on another server of the same database a sign-in this one started", async () => {
    // Two servers behind a load balancer, or one restarted: the second has its own process and
    // memory, and only the database in common.
    const other = await buildServer(await makeTestDeps(database), { webRoot: "/nonexistent", oidc });
    try {
      const browser = new CookieBrowser();
      const answer = await signInAtProvider(browser, "known", "/reports");
      const response = await other.inject({
        method: "GET",
        url: `${answer.pathname}${answer.search}`,
        headers: { cookie: `unblock_oidc=${browser.cookie(base, "unblock_oidc")}` },
      });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe("/reports");
      expect(String(response.headers["set-cookie"])).toMatch(/unblock_session=[\w-]{40,};/);
    } finally {
      await other.close();
    }
  });

  it("refuses an email no Unblock user has, and creates no user and no session", async () => {
    const sessions = await sessionCount();
    const browser = new CookieBrowser();
    const answer = await signInAtProvider(browser, "stranger", "/reports");
    const response = await browser.request(answer.href);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?error=oidc_unknown_user&next=%2Freports");
    expect(browser.cookie(base, "unblock_session")).toBeUndefined();
    expect(await sessionCount()).toBe(sessions);
    const users = await database.execute("select count(*)::int as n from users where email = $1", [
      "stranger@example.test",
    ]);
    expect(users.rows[0]!.n).toBe(0);
    expect((await browser.request(`${base}/api/me`)).status).toBe(401);
  });

  it("refuses a disabled user and an email the provider has not verified", async () => {
    const sessions = await sessionCount();
    for (const [login, error] of [
      ["disabled", "oidc_disabled"],
      ["unverified", "oidc_email_unverified"],
    ]) {
      const browser = new CookieBrowser();
      const response = await browser.request((await signInAtProvider(browser, login!)).href);
      expect(response.headers.get("location"), login).toBe(`/login?error=${error}`);
      expect(browser.cookie(base, "unblock_session"), login).toBeUndefined();
    }
    expect(await sessionCount()).toBe(sessions);
  });

  it("refuses an answer whose state was changed, and one brought to another browser", async () => {
    const sessions = await sessionCount();
    const browser = new CookieBrowser();
    const answer = await signInAtProvider(browser, "known");
    const tampered = new URL(answer);
    tampered.searchParams.set("state", "x".repeat(43));
    const response = await browser.request(tampered.href);
    expect(response.headers.get("location")).toBe("/login?error=oidc_failed");
    expect(browser.cookie(base, "unblock_session")).toBeUndefined();

    const elsewhere = new CookieBrowser();
    const stolen = await signInAtProvider(new CookieBrowser(), "known");
    const login = await elsewhere.request(stolen.href);
    expect(login.headers.get("location")).toBe("/login?error=oidc_failed");
    expect(elsewhere.cookie(base, "unblock_session")).toBeUndefined();

    const forged = new CookieBrowser();
    forged.setCookie(base, "unblock_oidc", "A".repeat(120));
    const withForgedCookie = await forged.request(
      (await signInAtProvider(new CookieBrowser(), "known")).href,
    );
    expect(withForgedCookie.headers.get("location")).toBe("/login?error=oidc_failed");
    expect(await sessionCount()).toBe(sessions);
  });

  it("says so when the person cancels at the provider", async () => {
    const browser = new CookieBrowser();
    const answer = await signInAtProvider(browser, null, "/reports");
    expect(answer.searchParams.get("error")).toBe("access_denied");
    const response = await browser.request(answer.href);
    expect(response.headers.get("location")).toBe("/login?error=oidc_cancelled&next=%2Freports");
    expect(browser.cookie(base, "unblock_session")).toBeUndefined();
  });

  it("opens only pages of this site after sign-in", async () => {
    const browser = new CookieBrowser();
    const answer = await signInAtProvider(browser, "known", "//evil.example/steal");
    const response = await browser.request(answer.href);
    expect(response.headers.get("location")).toBe("/");
  });
});

describe("without an OpenID Connect provider configured", () => {
  let database: TestDatabase;
  let server: FastifyInstance;

  beforeAll(async () => {
    database = await openTestDatabase();
    server = await buildServer(await makeTestDeps(database), { webRoot: "/nonexistent" });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it("says so, and its routes answer 404", async () => {
    const options = await server.inject({ method: "GET", url: "/api/auth/options" });
    expect(options.json()).toEqual({ oidc: null });
    for (const url of ["/api/auth/oidc/start", "/api/auth/oidc/callback?code=x&state=y"]) {
      const response = await server.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers["content-type"]).toMatch(/problem\+json/);
      expect(response.headers["set-cookie"]).toBeUndefined();
    }
  });

  it("sends the browser back to the sign-in page when the provider cannot be reached", async () => {
    const unreachable = await buildServer(await makeTestDeps(database), {
      webRoot: "/nonexistent",
      oidc: readConfig({
        // Port 1: nothing listens there, whatever else runs on this machine.
        UNBLOCK_OIDC_ISSUER: "http://127.0.0.1:1",
        UNBLOCK_OIDC_CLIENT_ID: "unblock",
        UNBLOCK_PUBLIC_URL: "http://127.0.0.1:3000",
      }).oidc,
    });
    const response = await unreachable.inject({ method: "GET", url: "/api/auth/oidc/start?next=/reports" });
    await unreachable.close();
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe("/login?error=oidc_unavailable&next=%2Freports");
    expect(response.headers["set-cookie"]).toBeUndefined();
  });
});
