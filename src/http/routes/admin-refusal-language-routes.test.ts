import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerFor } from "../../../test/factories/access.ts";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { AppDeps } from "../../app/app-deps.ts";
import { buildServer } from "../build-server.ts";

type Language = "de" | "en";

/** An Admin's refusals (playbook files, users, preferences) and Suggest's hints in their language. */
describe("admin refusals in two languages", () => {
  let database: TestDatabase;
  let deps: AppDeps;
  let server: FastifyInstance;
  const headers = {} as Record<Language, { authorization: string }>;
  const admins = {} as Record<Language, { id: string; email: string }>;

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
    server = await buildServer(deps, { webRoot: "/nonexistent" });
    for (const language of ["de", "en"] as const) {
      const email = `admin.${language}@example.test`;
      const admin = await createUser(database.db, { role: "admin", name: `Admin ${language}`, email });
      const bearer = await bearerFor(deps, admin);
      const chose = await server.inject({
        method: "PATCH",
        url: "/api/me/preferences",
        headers: bearer,
        payload: { language },
      });
      expect(chose.statusCode).toBe(200);
      headers[language] = await bearerFor(deps, admin);
      admins[language] = { id: admin.id, email };
    }
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  /** The same request as each Admin: the German and the English answer. */
  async function both(request: { method: "GET" | "POST" | "PATCH"; url: string; payload?: unknown }) {
    const answers = {} as Record<Language, { statusCode: number; body: Record<string, unknown> }>;
    for (const language of ["de", "en"] as const) {
      const answer = await server.inject({ ...request, headers: headers[language] } as never);
      answers[language] = { statusCode: answer.statusCode, body: answer.json() };
    }
    // Status, code and the fields at fault never change with the language.
    expect(answers.de.statusCode).toBe(answers.en.statusCode);
    expect(answers.de.body.code).toBe(answers.en.body.code);
    const fields = (body: Record<string, unknown>) =>
      ((body.errors as { field: string; code: string }[]) ?? []).map(({ field, code }) => [field, code]);
    expect(fields(answers.de.body)).toEqual(fields(answers.en.body));
    return answers;
  }
  const messages = (body: Record<string, unknown>) =>
    ((body.errors as { message: string }[]) ?? []).map((found) => found.message);

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
      email: admins.en.email,
      name: "Twin",
      role: "admin",
      password: "a long enough pass phrase",
    };
    const { de, en } = await both({ method: "POST", url: "/api/users", payload: user });
    expect(de.statusCode).toBe(409);
    expect(de.body.detail).toBe(`Es gibt bereits einen Benutzer mit der E-Mail-Adresse ${admins.en.email}.`);
    expect(en.body.detail).toBe(`A user with the email ${admins.en.email} exists already.`);
    expect(messages(de.body)).toEqual(["Diese E-Mail-Adresse gehört einem anderen Benutzer."]);
    expect(messages(en.body)).toEqual(["This email belongs to another user."]);
  });

  it("refuses a reassignment to a person of another role, naming both roles in the Admin's language", async () => {
    const fm = await createUser(database.db, { role: "delivery_fm", name: "Fiona FM" });
    const { de, en } = await both({
      method: "POST",
      url: `/api/users/${admins.en.id}/reassign`,
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
      const answer = await server.inject({
        method: "POST",
        url: "/api/portfolio/sync",
        headers: { ...headers[language], "content-type": encoded.headers.get("content-type")! },
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
