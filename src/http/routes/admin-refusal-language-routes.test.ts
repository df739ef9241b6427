import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../../test/factories/portfolio.ts";
import {
  askBoth,
  type Language,
  type LanguageServer,
  messagesOf as messages,
  openLanguageServer,
} from "../../../test/support/language-server.ts";

/** An Admin's refusals (playbook files, users, preferences) and Suggest's hints in their language. */
describe("admin refusals in two languages", () => {
  let context: LanguageServer;

  beforeAll(async () => {
    context = await openLanguageServer();
  });
  afterAll(async () => {
    await context.close();
  });

  const both = (request: Parameters<typeof askBoth>[1]) => askBoth(context, request);
  it("refuses a playbook file that is not there: detail and field in the Admin's language", async () => {
    const { de, en } = await both({
      method: "POST",
      url: "/api/playbook/preview",
      payload: { file: "nope.yaml" },
    });
    expect(de.statusCode).toBe(422);
    expect(de.body.detail).toBe("Es gibt keine Playbook-Datei nope.yaml zur Auswahl.");
    expect(en.body.detail).toBe("There is no playbook file nope.yaml to choose.");
    expect(messages(de.body)[0]).toMatch(/^Wählen Sie eine der Dateien/);
    expect(messages(en.body)[0]).toMatch(/^Choose one of the files/);
  });

  it("refuses an invalid uploaded playbook, placing each problem by line in the Admin's language", async () => {
    const upload = { content: "id: broken\n", name: "broken.yaml" };
    const { de, en } = await both({ method: "POST", url: "/api/playbook/preview", payload: upload });
    expect(de.statusCode).toBe(422);
    expect(de.body.code).toBe("playbook_invalid");
    expect(de.body.detail).toMatch(
      /^Das Playbook upload:broken\.yaml ist ungültig: \d+ Problem\(e\); das erste: /,
    );
    expect(en.body.detail).toMatch(/^Playbook upload:broken\.yaml is invalid: \d+ problem\(s\); first: /);
    expect(messages(de.body)[0]).toMatch(/\(Zeile \d+, Spalte \d+\)$/);
    expect(messages(en.body)[0]).toMatch(/\(line \d+, column \d+\)$/);
  });

  it("refuses a second user with a taken email in the Admin's language", async () => {
    const user = {
      email: context.admins.en.email,
      name: "Twin",
      role: "admin",
      password: "a long enough pass phrase",
    };
    const { de, en } = await both({ method: "POST", url: "/api/users", payload: user });
    expect(de.statusCode).toBe(409);
    expect(de.body.detail).toBe(
      `Es gibt bereits einen Benutzer mit der E-Mail-Adresse ${context.admins.en.email}.`,
    );
    expect(en.body.detail).toBe(`A user with the email ${context.admins.en.email} exists already.`);
    expect(messages(de.body)).toEqual(["Diese E-Mail-Adresse gehört einem anderen Benutzer."]);
    expect(messages(en.body)).toEqual(["This email belongs to another user."]);
  });

  it("refuses a reassignment to a person of another role, naming both roles in the Admin's language", async () => {
    const fm = await createUser(context.database.db, { role: "delivery_fm", name: "Fiona FM" });
    const { de, en } = await both({
      method: "POST",
      url: `/api/users/${context.admins.en.id}/reassign`,
      payload: { to: fm.id, dryRun: true },
    });
    expect(de.statusCode).toBe(422);
    expect(en.body.detail).toBe(
      "Admin en is Admin and Fiona FM is Delivery FM: work moves between people of one role.",
    );
    expect(de.body.detail).toMatch(/^Admin en ist .+ und Fiona FM ist .+: Arbeit wechselt nur zwischen/);
    expect(messages(de.body)).toEqual([de.body.detail]);
  });

  it("refuses an unknown time zone in the person's language", async () => {
    const { de, en } = await both({
      method: "PATCH",
      url: "/api/me/preferences",
      payload: { timeZone: "Mars/Olympus" },
    });
    expect(de.statusCode).toBe(422);
    expect(de.body.detail).toBe("„Mars/Olympus“ ist keine Zeitzone, die dieser Server kennt.");
    expect(en.body.detail).toBe('"Mars/Olympus" is not a time zone this server knows.');
    expect(messages(de.body)[0]).toMatch(/^muss ein IANA-Zeitzonenname sein/);
  });

  it("refuses a feed upload with a wrongly named file, naming the file in the Admin's language", async () => {
    const answers = {} as Record<Language, Record<string, unknown>>;
    for (const language of ["de", "en"] as const) {
      const form = new FormData();
      form.append("files", new Blob(["x"]), "customer.csv");
      const encoded = new Response(form);
      const answer = await context.server.inject({
        method: "POST",
        url: "/api/portfolio/sync",
        headers: { ...context.headers[language], "content-type": encoded.headers.get("content-type")! },
        payload: Buffer.from(await encoded.arrayBuffer()),
      });
      expect(answer.statusCode).toBe(422);
      answers[language] = answer.json();
    }
    expect(answers.de.errors).toEqual([
      {
        field: "customer.csv",
        code: "file_name_unknown",
        message: expect.stringMatching(/^„customer\.csv“ ist keine Feed-Datei/),
      },
    ]);
    expect(answers.en.detail).toMatch(/^customer\.csv: "customer\.csv" is not a feed file/);
    expect(answers.de.detail).toMatch(/^customer\.csv: „customer\.csv“ ist keine Feed-Datei/);
  });

  it("gives Suggest's note hints in the asker's language, with the same codes", async () => {
    const note = { note: "Blocked.", l1: "blocked" };
    const { de, en } = await both({ method: "POST", url: "/api/suggest", payload: note });
    const hints = (body: Record<string, unknown>) => body.hints as { code: string; message: string }[];
    expect(hints(de.body).map((hint) => hint.code)).toEqual(hints(en.body).map((hint) => hint.code));
    expect(hints(de.body).length).toBeGreaterThan(0);
    expect(hints(en.body)[0]!.message).toMatch(/^The note only repeats the status/);
    expect(hints(de.body)[0]!.message).toBe(
      "Nennen Sie den Grund, nicht nur den Status: was der Kunde vorhat und den Hauptgrund.",
    );
  });
});
