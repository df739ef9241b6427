import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign } from "../../../test/factories/access.ts";
import {
  createCustomer,
  createEntitlement,
  createTenant,
  createUser,
} from "../../../test/factories/portfolio.ts";
import {
  askBoth,
  type Language,
  type LanguageServer,
  messagesOf,
  openLanguageServer,
} from "../../../test/support/language-server.ts";

/**
 * The refusals that were still English: a feed file over the size limit, a
 * list cursor that is not valid, single sign-on not configured, an owner the
 * seats may not have and a playbook's own problems. A German and an English
 * Admin in one database each read them in their language; codes, fields and
 * statuses stay (docs/I18N.md).
 */
describe("the last refusals in two languages", () => {
  let context: LanguageServer;
  const both = (request: Parameters<typeof askBoth>[1]) => askBoth(context, request);

  beforeAll(async () => {
    context = await openLanguageServer({ server: { feedUploadLimits: { fileSize: 1024 } } });
  });
  afterAll(async () => {
    await context.close();
  });

  it("refuses a feed file over the size limit (413) naming the file and the limit in the Admin's language", async () => {
    const answers = {} as Record<Language, Record<string, unknown>>;
    for (const language of ["de", "en"] as const) {
      const form = new FormData();
      form.append("files", new Blob(["customer_key,name\n".padEnd(2048, "x")]), "customers.csv");
      const encoded = new Response(form);
      const answer = await context.server.inject({
        method: "POST",
        url: "/api/portfolio/sync",
        headers: { ...context.headers[language], "content-type": encoded.headers.get("content-type")! },
        payload: Buffer.from(await encoded.arrayBuffer()),
      });
      expect(answer.statusCode).toBe(413);
      answers[language] = answer.json();
    }
    const german = "customers.csv ist größer als 1.024 Byte, die Höchstgröße einer Feed-Datei.";
    expect(answers.de).toMatchObject({ title: "Anfrage zu groß", code: "file_too_large", detail: german });
    expect(answers.de.errors).toEqual([{ field: "customers.csv", code: "file_too_large", message: german }]);
    expect(answers.en).toMatchObject({
      title: "Request too large",
      code: "file_too_large",
      detail: "customers.csv is over 1,024 bytes, the most one feed file may be.",
    });
  });

  it("refuses a list cursor that is not one the list gave out, with the code cursor_invalid", async () => {
    const { de, en } = await both({ method: "GET", url: "/api/entitlements?cursor=not-a-cursor" });
    expect(de.statusCode).toBe(422);
    expect(de.body.errors).toEqual([
      { field: "cursor", code: "cursor_invalid", message: "Der Cursor stammt nicht von diesem Dienst." },
    ]);
    expect(de.body.detail).toBe("Der Cursor stammt nicht von diesem Dienst.");
    expect(en.body.detail).toBe("The cursor is not one this service issued.");

    const elsewhere = Buffer.from(JSON.stringify({ s: "elsewhere", k: [], i: "x" })).toString("base64url");
    const other = await both({ method: "GET", url: `/api/entitlements?cursor=${elsewhere}` });
    expect(other.de.body.detail).toBe(
      "Der Cursor gehört zu einer anderen Liste oder Sortierung; beginnen Sie ohne ihn von vorn.",
    );
    expect(other.en.body.detail).toBe(
      "The cursor belongs to another listing or sort order; start again without it.",
    );
  });

  it("says a request check's sentences in the asker's language, fields and codes unchanged", async () => {
    const { de, en } = await both({
      method: "GET",
      url: "/api/entitlements?targetFrom=31.12.2026&customerId=abc",
    });
    expect(de.statusCode).toBe(400);
    expect(de.body.errors).toEqual([
      {
        field: "querystring.targetFrom",
        code: "invalid_format",
        message: "muss ein Datum im Format JJJJ-MM-TT sein",
      },
      { field: "querystring.customerId", code: "invalid_format", message: "Ungültig: UUID" },
    ]);
    expect(de.body.title).toBe("Ungültige Anfrage");
    expect(en.body.errors).toEqual([
      { field: "querystring.targetFrom", code: "invalid_format", message: "must be a date as YYYY-MM-DD" },
      { field: "querystring.customerId", code: "invalid_format", message: "Invalid UUID" },
    ]);
  });

  it("says a report filter's field sentence in the asker's language", async () => {
    const { de, en } = await both({
      method: "GET",
      url: "/api/reports/blocked-over-time?serviceId=Fax%20Online",
    });
    expect(de.statusCode).toBe(422);
    expect(de.body.errors).toEqual([
      {
        field: "serviceId",
        code: "service_unknown",
        message: "„Fax Online“ ist kein Service des Playbooks.",
      },
    ]);
    expect(en.body.errors).toEqual([
      {
        field: "serviceId",
        code: "service_unknown",
        message: '"Fax Online" is not a service of the playbook.',
      },
    ]);
  });

  it("says why a webhook address is refused in the asker's language", async () => {
    const { de, en } = await both({
      method: "POST",
      url: "/api/webhooks",
      payload: { url: "ftp://hooks.example.com/unblock", events: ["status.changed"] },
    });
    expect(de.statusCode).toBe(422);
    expect(de.body.errors).toEqual([
      { field: "url", code: "invalid_url", message: "Webhooks werden nur über http oder https gesendet." },
    ]);
    expect(en.body.errors).toEqual([
      { field: "url", code: "invalid_url", message: "Webhooks are sent over http or https only." },
    ]);
  });

  it("says single sign-on is not configured in the asker's language, by Accept-Language before sign-in", async () => {
    const ask = (language: Language) =>
      context.server.inject({
        method: "GET",
        url: "/api/auth/oidc/start",
        headers: { "accept-language": language === "de" ? "de-DE,de;q=0.9" : "en-GB" },
      });
    const [de, en] = [await ask("de"), await ask("en")];
    expect(de.statusCode).toBe(404);
    expect(de.json()).toMatchObject({
      code: "not_found",
      detail: "Single Sign-on ist auf diesem Server nicht eingerichtet.",
    });
    expect(en.json().detail).toBe("Single sign-on is not configured on this server.");
  });

  it("refuses an owner the seats may not have: summary and field in the Admin's language", async () => {
    const db = context.database.db;
    const customer = await createCustomer(db);
    const tenant = await createTenant(db, { customerId: customer.id });
    const ana = await createUser(db, { role: "account_team", name: "Ana Lopez", email: "ana@lang.test" });
    await assign(db, ana.id, { customerId: customer.id });
    const outsider = await createUser(db, { role: "delivery_fm", name: "Olu Outside" });
    const { id } = await createEntitlement(db, {
      tenantId: tenant.id,
      stage: "delivery",
      availableSeats: 100,
    });
    const segment = {
      seats: 100,
      l1: "blocked",
      l2: "customer_it_infrastructure_remediation",
      engagementScenario: "customer_led",
      targetDate: "2025-06-30",
      note: "Blocked because the VPN devices cannot carry Exchange traffic.",
      ownerRef: { kind: "person", userId: outsider.id },
    };
    const { de, en } = await both({
      method: "PUT",
      url: `/api/entitlements/${id}/status`,
      payload: { version: 1, segments: [segment] },
    });
    expect(de.statusCode).toBe(422);
    const germanField =
      "Olu Outside ist diesem Mandanten und seinem Kunden nicht zugewiesen und kann deshalb nicht für seine Lizenzen verantwortlich sein; wählen Sie ein Team oder eine zugewiesene Person.";
    expect(de.body.errors).toEqual([
      { field: "segments.0.owner", code: "owner_not_assigned", message: germanField },
    ]);
    expect(de.body.detail).toBe(`Diese Verantwortung kann den Lizenzen nicht gegeben werden: ${germanField}`);
    expect(en.body.detail).toBe(
      "The owner is not one these seats may have: Olu Outside is not assigned to this tenant or to its customer, so cannot own its seats; choose a team or someone assigned.",
    );
    // The choices name the same teams and people; only the word for a team follows the reader.
    const teams = (en.body.instead as string[]).filter((choice) => choice.endsWith(" (team)"));
    expect(teams.length).toBeGreaterThan(0);
    expect(en.body.instead).toContain("Ana Lopez <ana@lang.test>");
    expect(de.body.instead).toEqual(
      (en.body.instead as string[]).map((choice) => choice.replace(/ \(team\)$/, " (Team)")),
    );
  });

  it("refuses a saved view without a name, the field's sentence in the person's language", async () => {
    const { de, en } = await both({
      method: "POST",
      url: "/api/saved-views",
      payload: { name: " ", query: "l1=blocked" },
    });
    expect(de.statusCode).toBe(422);
    expect(de.body.errors).toEqual([
      { field: "name", code: "required", message: "Geben Sie der Ansicht einen Namen." },
    ]);
    expect(messagesOf(en.body)).toEqual(["Give the view a name."]);
  });

  it("says an uploaded playbook's problems, not only where they are, in the Admin's language", async () => {
    const content = readFileSync(
      new URL("../../../test/fixtures/playbooks/unknown-role.yaml", import.meta.url),
      "utf8",
    );
    const { de, en } = await both({
      method: "POST",
      url: "/api/playbook/preview",
      payload: { content, name: "unknown-role.yaml" },
    });
    expect(de.statusCode).toBe(422);
    expect(de.body.code).toBe("playbook_invalid");
    expect(messagesOf(de.body)[0]).toMatch(
      /^Die Szenariozeile „\w+“ nennt die unbekannte Rolle „\w+“ \(Zeile \d+, Spalte \d+\)$/,
    );
    expect(messagesOf(en.body)[0]).toMatch(
      /^Scenario row "\w+" names unknown role "\w+" \(line \d+, column \d+\)$/,
    );
    expect(de.body.detail).toMatch(/; das erste: \S+ Die Szenariozeile/);

    const missing = await both({
      method: "POST",
      url: "/api/playbook/preview",
      payload: { content: "id: broken\n", name: "broken.yaml" },
    });
    expect(messagesOf(missing.de.body)).toContainEqual(
      expect.stringMatching(/^Pflichtfeld fehlt \(Zeile 1, Spalte 1\)$/),
    );
    expect(messagesOf(missing.en.body)).toContainEqual(
      expect.stringMatching(/^required field is missing \(line 1, column 1\)$/),
    );
  });
});
