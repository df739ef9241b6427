import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import type { Actor, AppDeps } from "../../src/app/app-deps.ts";
import { buildServer, type ServerOptions } from "../../src/http/build-server.ts";
import { bearerFor } from "../factories/access.ts";
import { createUser } from "../factories/portfolio.ts";
import { makeTestDeps, testNow } from "../factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "./test-database.ts";

export type Language = "de" | "en";
export type Headers = { authorization: string };

/**
 * One database, one server and an Admin per language who chose it in their
 * preferences: the set-up of the route tests that read one thing as a German
 * and as an English person (docs/I18N.md).
 */
export interface LanguageServer {
  database: TestDatabase;
  deps: AppDeps & { setNow(d: Date): void };
  server: FastifyInstance;
  /** Each language's Admin, signed in by an API token. */
  headers: Record<Language, Headers>;
  admins: Record<Language, Actor>;
  close(): Promise<void>;
}

/** Chooses `language` in the signed-in person's preferences (PATCH /api/me/preferences). */
export async function chooseLanguage(server: FastifyInstance, headers: Headers, language: string) {
  const chose = await server.inject({
    method: "PATCH",
    url: "/api/me/preferences",
    headers,
    payload: { language },
  });
  expect(chose.statusCode).toBe(200);
}

/** A person of `role` who chose `language`, with the headers that sign them in. */
export async function personSpeaking(
  context: Pick<LanguageServer, "database" | "deps" | "server">,
  language: Language,
  fields: { role: string; name?: string; email?: string },
): Promise<{ user: Actor; headers: Headers }> {
  const user = await createUser(context.database.db, fields);
  const headers = await bearerFor(context.deps, user);
  await chooseLanguage(context.server, headers, language);
  return { user, headers };
}

export async function openLanguageServer(
  options: { now?: Date; server?: Partial<ServerOptions> } = {},
): Promise<LanguageServer> {
  const database = await openTestDatabase();
  const deps = await makeTestDeps(database, options.now ?? testNow);
  const server = await buildServer(deps, { webRoot: "/nonexistent", ...options.server });
  const context = { database, deps, server };
  const headers = {} as Record<Language, Headers>;
  const admins = {} as Record<Language, Actor>;
  for (const language of ["de", "en"] as const) {
    const email = `admin.${language}@example.test`;
    const admin = await personSpeaking(context, language, {
      role: "admin",
      name: `Admin ${language}`,
      email,
    });
    headers[language] = admin.headers;
    admins[language] = admin.user;
  }
  return {
    ...context,
    headers,
    admins,
    close: async () => {
      await server.close();
      await database.close();
    },
  };
}

export interface Answer {
  statusCode: number;
  body: Record<string, unknown>;
}

/**
 * The same request as each language's Admin: the German and the English
 * answer. Status, code and the fields at fault must not change with the language.
 */
export async function askBoth(
  context: Pick<LanguageServer, "server" | "headers">,
  request: { method: "GET" | "POST" | "PATCH" | "PUT"; url: string; payload?: unknown },
): Promise<Record<Language, Answer>> {
  const answers = {} as Record<Language, Answer>;
  for (const language of ["de", "en"] as const) {
    const answer = await context.server.inject({ ...request, headers: context.headers[language] } as never);
    answers[language] = { statusCode: answer.statusCode, body: answer.json() };
  }
  expect(answers.de.statusCode).toBe(answers.en.statusCode);
  expect(answers.de.body.code).toBe(answers.en.body.code);
  const fields = (body: Record<string, unknown>) =>
    ((body.errors as { field: string; code: string }[]) ?? []).map(({ field, code }) => [field, code]);
  expect(fields(answers.de.body)).toEqual(fields(answers.en.body));
  return answers;
}

/** The sentences of a problem's `errors`. */
export const messagesOf = (body: Record<string, unknown>): string[] =>
  ((body.errors as { message: string }[]) ?? []).map((found) => found.message);
