import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../app/app-deps.ts";
import { escapeHtml } from "../../app/notifications/mailer.ts";
import { previewUnsubscribe, unsubscribe } from "../../app/notifications/unsubscribe.ts";
import { problemResponses } from "../schemas/common.ts";
import type { UnsubscribeAnswer } from "../schemas/preferences.ts";
import { unsubscribeAnswerSchema } from "../schemas/preferences.ts";
import type { Api } from "./api.ts";

const querySchema = z.object({
  token: z.string().min(1).max(200).describe("The signed token of the mail's unsubscribe link"),
});

const names = { digest: "the Unblock digest", notices: "Unblock's notices by mail" } as const;

/**
 * The one-click unsubscribe link of every mail, outside /api and with no
 * sign-in: the signed token is the authority. GET shows what it would switch
 * off and changes nothing (mail scanners open links); POST switches it off,
 * as RFC 8058's List-Unsubscribe-Post does (body `List-Unsubscribe=One-Click`)
 * and as the page's button does. A bad token is 422 problem+json naming it.
 */
export function unsubscribeRoutes(app: Api, deps: AppDeps): void {
  // One-click POSTs are form posts: their body says nothing the token does not, so it is read and left.
  app.addContentTypeParser(
    ["application/x-www-form-urlencoded", "multipart/form-data"],
    { parseAs: "string", bodyLimit: 16_384 },
    (_request, _body, done) => done(null, {}),
  );
  const responses = { 200: unsubscribeAnswerSchema, ...problemResponses };
  app.get(
    "/unsubscribe",
    {
      schema: {
        tags: ["notifications"],
        summary: "What an unsubscribe link switches off (a confirmation page; changes nothing)",
        querystring: querySchema,
        response: responses,
      },
    },
    async (request, reply) => answer(request, reply, await previewUnsubscribe(deps, request.query.token)),
  );
  app.post(
    "/unsubscribe",
    {
      schema: {
        tags: ["notifications"],
        summary: "One-click unsubscribe (RFC 8058): switches off the digest or notices by mail",
        querystring: querySchema,
        response: responses,
      },
    },
    async (request, reply) => answer(request, reply, await unsubscribe(deps, request.query.token)),
  );
}

/** JSON for programs, a small page for a browser (which asks for text/html first). */
function answer(request: FastifyRequest, reply: FastifyReply, result: UnsubscribeAnswer) {
  reply.header("cache-control", "no-store");
  const accept = request.headers.accept ?? "";
  if (!/text\/html/.test(accept)) return result;
  return reply.type("text/html; charset=utf-8").send(page(request, result));
}

function page(request: FastifyRequest, result: UnsubscribeAnswer): string {
  const what = names[result.list];
  const action = escapeHtml(request.url);
  const body = result.unsubscribed
    ? `<p>${escapeHtml(result.email)} gets no more of ${what}. Switch it on again under your name in Unblock (Notifications).</p>`
    : `<p>Stop ${what} for ${escapeHtml(result.email)}?</p>
<form method="post" action="${action}"><input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Unsubscribe</button></form>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribe - Unblock</title></head>
<body style="font-family: system-ui; max-width: 36rem; margin: 3rem auto"><h1>Unblock</h1>${body}</body></html>`;
}
