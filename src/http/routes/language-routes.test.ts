import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign, bearerFor } from "../../../test/factories/access.ts";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { AppDeps } from "../../app/app-deps.ts";
import { buildServer } from "../build-server.ts";

/** The API speaks the language asked for: the person's choice, else Accept-Language (docs/I18N.md). */
describe("the API in two languages", () => {
  let database: TestDatabase;
  let deps: AppDeps;
  let server: FastifyInstance;
  let german: { authorization: string };
  let english: { authorization: string };
  let entitlementId: string;

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
    for (const name of ["german", "english"]) {
      const user = await createUser(database.db, { role: "delivery_fm", name });
      await assign(database.db, user.id, { tenantId: entitlement.tenantId });
      if (name === "german") german = await bearerFor(deps, user);
      else english = await bearerFor(deps, user);
    }
    const chose = await server.inject({
      method: "PATCH",
      url: "/api/me/preferences",
      headers: english,
      payload: { language: "en" },
    });
    expect(chose.json()).toMatchObject({ language: "en" });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const playbook = (headers: Record<string, string>) =>
    server.inject({ method: "GET", url: "/api/playbook", headers });
  const blockedName = async (headers: Record<string, string>) =>
    (await playbook(headers))
      .json<{ l1s: { id: string; name: string }[] }>()
      .l1s.find((l1) => l1.id === "blocked")!.name;
  /** A Blocked status without the projected unblock date the Delivery stage needs. */
  const refusedStatus = (headers: Record<string, string>) =>
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
            note: "The claims LOB app is not certified for Teams; clears when the vendor ships its update.",
          },
        ],
      },
    });

  it("gives Accept-Language: de German playbook names and guidance, the same ids", async () => {
    const response = await playbook({ ...german, "accept-language": "de-DE,de;q=0.9,en;q=0.8" });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toMatch(/-de"$/);
    expect(response.headers.vary).toMatch(/accept-language/);
    const body = response.json<{
      l1s: { id: string; name: string; l2s: { id: string; name: string }[] }[];
    }>();
    const blocked = body.l1s.find((l1) => l1.id === "blocked")!;
    expect(blocked.name).toBe("Blockiert");
    expect(blocked.l2s.find((l2) => l2.id === "app_compatibility")!.name).toBe("App-Kompatibilität");
  });

  it("answers a refused status with the German rule message, under the same code", async () => {
    const response = await refusedStatus({ ...german, "accept-language": "de" });
    expect(response.statusCode).toBe(422);
    const body = response.json<{
      detail: string;
      errors: { field: string; code: string; message: string }[];
    }>();
    expect(body.detail).toBe("Der Status verstößt gegen 1 Playbook-Regel; es wurde nichts geändert.");
    expect(body.errors).toEqual([
      {
        field: "segments.0.targetDate",
        code: "target_date_required",
        message:
          "Für „Blockiert“ in der Phase „Umsetzung“ ist das Feld „Voraussichtliches Lösungsdatum“ erforderlich.",
      },
    ]);
  });

  it("speaks English to an English user in the same database, whatever the browser asks", async () => {
    expect(await blockedName({ ...english, "accept-language": "de" })).toBe("Blocked");
    const response = await refusedStatus({ ...english, "accept-language": "de" });
    expect(response.json().errors).toEqual([
      {
        field: "segments.0.targetDate",
        code: "target_date_required",
        message: "Blocked in the Delivery stage needs the projected unblock date.",
      },
    ]);
  });

  it("speaks English without Accept-Language, and the chosen language once it is chosen", async () => {
    expect(await blockedName(german)).toBe("Blocked");
    expect(await blockedName({ ...german, "accept-language": "fr-FR, fr;q=0.9" })).toBe("Blocked");
    const chose = await server.inject({
      method: "PATCH",
      url: "/api/me/preferences",
      headers: german,
      payload: { language: "de" },
    });
    expect(chose.json()).toMatchObject({ language: "de" });
    expect(await blockedName(german)).toBe("Blockiert");
    expect(await blockedName({ ...german, "accept-language": "en-GB" })).toBe("Blockiert");
    // null follows the browser again.
    await server.inject({
      method: "PATCH",
      url: "/api/me/preferences",
      headers: german,
      payload: { language: null },
    });
    expect(await blockedName({ ...german, "accept-language": "en-GB" })).toBe("Blocked");
  });

  it("refuses a language the app does not speak, naming the field", async () => {
    const response = await server.inject({
      method: "PATCH",
      url: "/api/me/preferences",
      headers: german,
      payload: { language: "fr" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toContainEqual(expect.objectContaining({ field: "body.language" }));
  });

  it("writes refusals of the access policy in German too", async () => {
    const viewer = await bearerFor(deps, await createUser(database.db, { role: "viewer" }));
    const response = await refusedStatus({ ...viewer, "accept-language": "de" });
    expect(response.statusCode).toBe(403);
    expect(response.json().detail).toMatch(/^Die Rolle Leser ändert nichts/);
  });
});
