import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  askBoth,
  type LanguageServer,
  messagesOf,
  openLanguageServer,
} from "../../../test/support/language-server.ts";

/**
 * The roadmap's work items name their L2 and L3 in the reader's language,
 * as the reports do (docs/I18N.md): a German and an English Admin read the
 * same item in one database; ids stay.
 */
describe("work items in the reader's language", () => {
  let context: LanguageServer;
  let id: string;

  beforeAll(async () => {
    context = await openLanguageServer();
    const created = await context.server.inject({
      method: "POST",
      url: "/api/work-items",
      headers: context.headers.de,
      payload: {
        title: "AAD Connect: come back to SSO later",
        l2: "product_feature_capability",
        l3: "aad_connect_do_not_setup_sso_now_option_does_not",
        serviceIds: ["aadp"],
      },
    });
    expect(created.statusCode).toBe(201);
    // The answer to the German Admin who created it is in German already.
    expect(created.json()).toMatchObject({ l2Name: "Produktfunktion/-fähigkeit" });
    id = created.json().id;
  });
  afterAll(async () => {
    await context.close();
  });

  const read = async (url: string, language: "de" | "en") => {
    const answer = await context.server.inject({ method: "GET", url, headers: context.headers[language] });
    expect(answer.statusCode).toBe(200);
    return answer.json();
  };

  it("names the L2 and L3 in German for a German reader and in English for an English one", async () => {
    const german = (await read("/api/work-items", "de")).items.find((item: { id: string }) => item.id === id);
    expect(german).toMatchObject({
      l2: "product_feature_capability",
      l3: "aad_connect_do_not_setup_sso_now_option_does_not",
      l2Name: "Produktfunktion/-fähigkeit",
      l3Name:
        "AAD Connect: Die Option „SSO jetzt nicht einrichten“ lässt dem Kunden keine Möglichkeit, SSO später einzurichten.",
    });
    const english = (await read("/api/work-items", "en")).items.find(
      (item: { id: string }) => item.id === id,
    );
    expect(english).toMatchObject({
      l2: "product_feature_capability",
      l2Name: "Product Feature/Capability",
      l3Name:
        'AAD Connect: "Do not setup SSO now" option does not give customer the choice to come back and set it up later.',
    });
  });

  it("refuses a work item's fields in the Admin's language, with the same codes", async () => {
    const payload = { title: " ", l2: "Nowhere", serviceIds: ["teams"] };
    const answers = await askBoth(context, { method: "POST", url: "/api/work-items", payload });
    expect(answers.de.statusCode).toBe(422);
    expect(answers.de.body.errors).toEqual([
      { field: "title", code: "title_required", message: "Geben Sie dem Arbeitselement einen Titel." },
      { field: "l2", code: "l2_unknown", message: "„Nowhere“ ist keine L2 von „Blockiert“ im Playbook." },
    ]);
    expect(messagesOf(answers.en.body)).toEqual([
      "Give the work item a title.",
      '"Nowhere" is not an L2 of Blocked in the playbook.',
    ]);
  });

  it("names them in the reader's language in the shipped report too", async () => {
    const shipped = await context.server.inject({
      method: "POST",
      url: `/api/work-items/${id}/ship`,
      headers: context.headers.en,
      payload: {},
    });
    expect(shipped.statusCode).toBe(200);
    const row = (report: { items: { workItemId: string }[] }) =>
      report.items.find((item) => item.workItemId === id);
    expect(row(await read("/api/work-items/shipped-report", "de"))).toMatchObject({
      l2Name: "Produktfunktion/-fähigkeit",
    });
    expect(row(await read("/api/work-items/shipped-report", "en"))).toMatchObject({
      l2Name: "Product Feature/Capability",
    });
  });
});
