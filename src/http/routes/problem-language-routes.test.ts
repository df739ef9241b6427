import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign, bearerFor } from "../../../test/factories/access.ts";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { AppDeps } from "../../app/app-deps.ts";
import { buildServer } from "../build-server.ts";

/** problem+json answers in the asker's language; codes, rules and fields stay (docs/I18N.md). */
describe("refusals in two languages", () => {
  let database: TestDatabase;
  let deps: AppDeps;
  let server: FastifyInstance;
  let german: { authorization: string };
  let english: { authorization: string };
  let entitlementId: string;
  const missing = "00000000-0000-4000-8000-000000000000";

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
    server = await buildServer(deps, { webRoot: "/nonexistent" });
    const entitlement = await createEntitlement(database.db, {
      serviceId: "teams",
      availableSeats: 100,
      stage: "delivery",
    });
    entitlementId = entitlement.id;
    for (const language of ["de", "en"]) {
      const user = await createUser(database.db, { role: "delivery_fm", name: `FM ${language}` });
      await assign(database.db, user.id, { tenantId: entitlement.tenantId });
      const headers = await bearerFor(deps, user);
      const chose = await server.inject({
        method: "PATCH",
        url: "/api/me/preferences",
        headers,
        payload: { language },
      });
      expect(chose.statusCode).toBe(200);
      if (language === "de") german = await bearerFor(deps, user);
      else english = await bearerFor(deps, user);
    }
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const get = (url: string, headers: Record<string, string>) =>
    server.inject({ method: "GET", url, headers });

  it("says not found in the person's language, with the same code and detail fields", async () => {
    const inGerman = await get(`/api/entitlements/${missing}`, german);
    expect(inGerman.statusCode).toBe(404);
    expect(inGerman.json()).toMatchObject({
      code: "not_found",
      title: "Nicht gefunden",
      detail: `Es gibt keine Lizenzberechtigung ${missing}.`,
      entitlementId: missing,
    });
    expect((await get(`/api/entitlements/${missing}`, english)).json()).toMatchObject({
      code: "not_found",
      title: "Not found",
      detail: `There is no entitlement ${missing}.`,
    });
    expect((await get(`/api/tenants/${missing}`, german)).json().detail).toBe(
      `Es gibt keinen Mandanten ${missing}.`,
    );
  });

  it("says who changed it first, in the person's language", async () => {
    const change = (headers: Record<string, string>) =>
      server.inject({
        method: "PUT",
        url: `/api/entitlements/${entitlementId}/status`,
        headers,
        payload: {
          version: 1,
          segments: [
            {
              seats: 100,
              l1: "blocked",
              l2: "app_compatibility",
              engagementScenario: "customer_led",
              targetDate: "2030-01-15",
              note: "The claims LOB app is not certified for Teams; clears when the vendor ships its update.",
            },
          ],
        },
      });
    const first = await change(english);
    expect(first.statusCode, first.body).toBe(200);
    const stale = await change(german);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "version_conflict", title: "Konflikt" });
    expect(stale.json().detail).toMatch(
      /^Die Lizenzberechtigung wurde am .+ UTC von FM en geändert \(Version 2, Sie haben Version 1 bearbeitet\)\./,
    );
    const staleInEnglish = await change(english);
    expect(staleInEnglish.json().detail).toMatch(
      /^The entitlement was changed by FM en at .+ UTC \(version 2, you edited/,
    );
  });

  it("sums up a refused form in the person's language; the field and code stay", async () => {
    const change = (headers: Record<string, string>) =>
      server.inject({
        method: "PUT",
        url: "/api/auth/password",
        headers,
        payload: { currentPassword: "not the password 1", newPassword: "a new long password 2" },
      });
    const refused = await change(german);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json()).toMatchObject({
      code: "validation_failed",
      detail: "Das aktuelle Kennwort ist nicht richtig.",
      errors: [expect.objectContaining({ field: "currentPassword", code: "password_wrong" })],
    });
    expect((await change(english)).json().detail).toBe("The current password is not right.");
  });

  it("asks an anonymous caller to sign in in the language of Accept-Language", async () => {
    const anonymous = await get("/api/me", { "accept-language": "de-DE,de;q=0.9" });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: "unauthenticated", title: "Anmeldung erforderlich" });
    expect(anonymous.json().detail).toMatch(/^Melden Sie sich zuerst an/);
    expect((await get("/api/me", {})).json().title).toBe("Sign-in required");
  });
});
