import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign, bearerFor } from "../../../test/factories/access.ts";
import { recordStatus } from "../../../test/factories/history-factory.ts";
import { createEntitlement, createTenant, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { AppDeps } from "../../app/app-deps.ts";
import { localizedIndex } from "../../app/playbook/playbook-translations.ts";
import { buildServer } from "../build-server.ts";

/**
 * The current reports and an entitlement's reads in the reader's language
 * (docs/I18N.md): a German Admin (chosen), an Admin with no choice whose
 * browser asks for German, and an English Admin read one database. Today is
 * 2025-03-10; the export keeps English (export tests).
 */
let database: TestDatabase;
let deps: AppDeps;
let server: FastifyInstance;
let entitlementId: string;
const readers: Record<"german" | "browser" | "english", Record<string, string>> = {
  german: {},
  browser: {},
  english: {},
};

const l2 = "customer_it_infrastructure_remediation";

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  server = await buildServer(deps, { webRoot: "/nonexistent" });
  for (const reader of ["german", "browser", "english"] as const) {
    readers[reader] = await bearerFor(deps, await createUser(database.db, { role: "admin" }));
  }
  for (const [reader, language] of [
    ["german", "de"],
    ["english", "en"],
  ] as const) {
    const chose = await server.inject({
      method: "PATCH",
      url: "/api/me/preferences",
      headers: readers[reader],
      payload: { language },
    });
    expect(chose.statusCode).toBe(200);
  }
  readers.browser = { ...readers.browser, "accept-language": "de-DE,de;q=0.9,en;q=0.8" };
  const tenant = await createTenant(database.db);
  const lead = await createUser(database.db, { role: "team_lead" });
  await assign(database.db, lead.id, { tenantId: tenant.id });
  entitlementId = (await createEntitlement(database.db, { tenantId: tenant.id, serviceId: "exchange" })).id;
  await recordStatus(database.db, entitlementId, "2025-02-01T09:00:00.000Z", [
    {
      seats: 60,
      l1: "blocked",
      l2,
      l3: "desktop_devices",
      nextActionDate: "2025-03-01",
      nextAction: "Call IT",
    },
    // Stored without an L2 (the rules would refuse it now): the reports count it as "(no L2)".
    { seats: 40, l1: "blocked" },
  ]);
  await database.execute(
    `insert into usage_points (tenant_id, service_id, date, active_seats)
       values ('${tenant.id}', 'exchange', '2025-03-01', 50)`,
  );
});
afterAll(async () => {
  await server.close();
  await database.close();
});

const get = async (url: string, reader: keyof typeof readers) => {
  const response = await server.inject({ method: "GET", url: `/api${url}`, headers: readers[reader] });
  expect(response.statusCode).toBe(200);
  return response.json();
};

describe("the Blocked reports in the reader's language", () => {
  it("names L2s, L3s and the seats without one in German for German readers, in English for English ones", async () => {
    for (const reader of ["german", "browser"] as const) {
      expect((await get("/reports/blocked-by-l2-service", reader)).items).toEqual([
        expect.objectContaining({
          l2,
          l2Name: "IT-Infrastruktur des Kunden und Behebung",
          serviceId: "exchange",
        }),
        expect.objectContaining({ l2: null, l2Name: "(ohne L2)" }),
      ]);
      expect((await get("/reports/blocked-by-l3", reader)).items).toEqual([
        expect.objectContaining({ l3: "desktop_devices", l3Name: "Desktop / Geräte" }),
        expect.objectContaining({ l2: null, l2Name: "(ohne L2)", l3: null, l3Name: "(ohne L3)" }),
      ]);
    }
    expect((await get("/reports/blocked-by-l2-service", "english")).items).toEqual([
      expect.objectContaining({
        l2Name: "Customer IT Infrastructure and Remediation",
        serviceName: "Exchange",
      }),
      expect.objectContaining({ l2Name: "(no L2)" }),
    ]);
    expect((await get("/reports/blocked-by-l3", "english")).items).toEqual([
      expect.objectContaining({ l3Name: "Desktop / Devices" }),
      expect.objectContaining({ l2Name: "(no L2)", l3Name: "(no L3)" }),
    ]);
  });

  it("names services from the reader's playbook in every report that names one", async () => {
    // The side file has no place for service names: German readers get the playbook's.
    const service = localizedIndex(deps.playbook, "de").service("exchange")!.name;
    for (const reader of ["german", "browser", "english"] as const) {
      expect((await get("/reports/blocked-by-l2-service", reader)).items[0].serviceName).toBe(service);
      expect((await get("/reports/overdue-next-actions", reader)).items).toEqual([
        expect.objectContaining({ entitlementId, serviceName: service, l2 }),
      ]);
      expect((await get("/reports/recent-changes", reader)).items).toEqual([
        expect.objectContaining({ entitlementId, serviceName: service }),
      ]);
    }
  });

  it("answers the aging buckets and projected unblocks alike in every language: they name nothing", async () => {
    for (const url of ["/reports/aging", "/reports/projected-unblocks"]) {
      expect(await get(url, "german")).toEqual(await get(url, "english"));
    }
  });
});

describe("an entitlement's reads in the reader's language", () => {
  it("says the usage contradiction with the German L1 to German readers", async () => {
    const contradiction = async (reader: keyof typeof readers) =>
      (await get(`/entitlements/${entitlementId}`, reader)).usageAssessment.contradictions[0];
    for (const reader of ["german", "browser"] as const) {
      expect(await contradiction(reader)).toMatchObject({
        kind: "active_while_halted",
        message: expect.stringContaining("„Blockiert“"),
      });
    }
    expect((await contradiction("english")).message).toContain("while 100 seats are Blocked.");
  });

  it("names people's roles in German; a team keeps the name its owner text stores", async () => {
    const choices = async (reader: keyof typeof readers) =>
      get(`/entitlements/${entitlementId}/owner-choices`, reader);
    for (const reader of ["german", "browser"] as const) {
      const german = await choices(reader);
      expect(german.assigned).toEqual([
        expect.objectContaining({ role: "team_lead", roleName: "Teamleitung" }),
      ]);
      expect(german.teams).toContainEqual(expect.objectContaining({ role: "team_lead", name: "Team Lead" }));
    }
    const english = await choices("english");
    expect(english.assigned).toEqual([expect.objectContaining({ role: "team_lead", roleName: "Team Lead" })]);
  });
});
