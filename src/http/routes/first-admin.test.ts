import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { AppDeps } from "../../app/app-deps.ts";
import { prepareSignIn } from "../../app/auth/prepare-sign-in.ts";
import { buildServer } from "../build-server.ts";

const email = "first-admin@example.test";
const password = "a long first password";

describe("the first Admin on an empty database (UNBLOCK_ADMIN_PASSWORD)", () => {
  let database: TestDatabase;
  let deps: AppDeps;
  let server: FastifyInstance;

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
    server = await buildServer(deps, { webRoot: "/nonexistent" });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const signIn = (as: string, secret: string) =>
    server.inject({ method: "POST", url: "/api/auth/login", payload: { email: as, password: secret } });

  it("is created once, with the given password, and told in the start log", async () => {
    expect((await signIn(email, password)).statusCode).toBe(401);
    const lines = await prepareSignIn(deps, { demo: false, admin: { email, password } });
    expect(lines).toEqual([
      `Created the first Admin ${email} with the password from UNBLOCK_ADMIN_PASSWORD.`,
    ]);

    const signedIn = await signIn(email, password);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ user: { email, role: "admin" } });
    expect(signedIn.json().permissions).toContain("portfolio.sync");

    // Started again (or with another password): the Admin exists, nothing is made or changed.
    expect(
      await prepareSignIn(deps, { demo: false, admin: { email, password: "another long password" } }),
    ).toEqual([]);
    expect((await signIn(email, password)).statusCode).toBe(200);
    const { rows } = await database.execute("select count(*)::int as n from users where role = 'admin'");
    expect(rows[0]?.n).toBe(1);
  });

  it("signed in, finds an empty portfolio and may upload the feed", async () => {
    const signedIn = await signIn(email, password);
    const cookie = String(signedIn.headers["set-cookie"]).split(";")[0]!;
    const tenants = await server.inject({ method: "GET", url: "/api/tenants?limit=1", headers: { cookie } });
    expect(tenants.statusCode).toBe(200);
    expect(tenants.json().items).toEqual([]);
    const syncs = await server.inject({ method: "GET", url: "/api/portfolio/syncs", headers: { cookie } });
    expect(syncs.json()).toEqual({ items: [] });
  });
});

describe("the first Admin without UNBLOCK_ADMIN_PASSWORD", () => {
  it("gets a generated password, printed once with how to make more Admins", async () => {
    const database = await openTestDatabase();
    try {
      const deps = await makeTestDeps(database);
      const lines = await prepareSignIn(deps, { demo: false, admin: { email } });
      expect(lines[0]).toMatch(new RegExp(`^Created the first Admin ${email} with the password \\S{12,}$`));
      expect(lines.join("\n")).toContain("unblock users add <email> --name <name> --role admin");
      expect(await prepareSignIn(deps, { demo: false, admin: { email } })).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
