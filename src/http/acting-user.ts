import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor, AppDeps } from "../app/app-deps.ts";
import type { WriteContext } from "../app/audit/record-audit.ts";
import { resolveApiToken } from "../app/auth/api-tokens.ts";
import { sameSecret } from "../app/auth/secret-token.ts";
import { resolveSession } from "../app/auth/sign-in.ts";
import { saidError } from "../domain/app-error.ts";
import { answerLanguage } from "../domain/i18n/languages.ts";
import { errorText } from "../domain/i18n/server-texts.ts";
import { sessionCookieName } from "./auth/session-cookie.ts";
import { languageOfRequest, problem, sendProblem } from "./problem.ts";

/** How a request proved who it is. */
export interface Authentication {
  actor: Actor;
  /** A browser session (cookie, CSRF-checked on writes) or an API token (Authorization: Bearer). */
  via: "session" | "token";
  /** The session's CSRF token (null for API tokens, which browsers never send on their own). */
  csrfToken: string | null;
  /** The session cookie's value, to end it on sign-out. */
  sessionToken: string | null;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Who made the request, or null before sign-in (public routes only). */
    authentication: Authentication | null;
    /** The signed-in actor; throws unauthenticated when there is none. */
    actor(): Promise<Actor>;
  }
}

/** Header carrying the session's CSRF token on cookie-authenticated writes. */
export const csrfHeader = "x-csrf-token";

/** API paths anyone may call: liveness and readiness, the API document, and signing in (also through the OpenID Connect provider) and out. */
export function isPublic(path: string): boolean {
  return (
    path === "/api/health" ||
    path === "/api/health/ready" ||
    path === "/api/openapi.json" ||
    path === "/api/docs" ||
    path.startsWith("/api/docs/") ||
    path === "/api/auth/login" ||
    path === "/api/auth/logout" ||
    path === "/api/auth/options" ||
    path === "/api/auth/oidc/start" ||
    path === "/api/auth/oidc/callback"
  );
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Identifies every API request: an `Authorization: Bearer` API token, else the
 * session cookie. Anything under /api but the public paths answers 401 without
 * one. A write made with the session cookie must echo the session's CSRF token
 * in `x-csrf-token`: a page on another site can make the browser send the
 * cookie, but cannot read the token.
 */
export function authenticationHook(deps: AppDeps) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    request.authentication = null;
    request.actor = async () => {
      if (!request.authentication) throw saidError("unauthenticated", "sign_in_first");
      return request.authentication.actor;
    };
    const path = request.url.split("?")[0] ?? "";
    if (!path.startsWith("/api/") && path !== "/api") return;

    const header = request.headers.authorization;
    if (typeof header === "string" && header.length > 0) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = match?.[1] ? await resolveApiToken(deps, match[1]) : null;
      if (!actor) {
        reply.header("www-authenticate", 'Bearer realm="unblock"');
        return sendProblem(
          reply,
          problem(
            401,
            "token_invalid",
            errorText.say(languageOfRequest(request), "token_invalid"),
            { instance: request.url },
            languageOfRequest(request),
          ),
        );
      }
      request.authentication = { actor, via: "token", csrfToken: null, sessionToken: null };
    } else {
      const cookie = request.cookies[sessionCookieName] || null;
      const session = cookie ? await resolveSession(deps, cookie) : null;
      if (session && cookie) {
        request.authentication = {
          actor: session.actor,
          via: "session",
          csrfToken: session.csrfToken,
          sessionToken: cookie,
        };
      }
    }

    if (request.authentication) {
      // The person's chosen language, else the one the request asks for (docs/I18N.md).
      const { actor } = request.authentication;
      const language = answerLanguage(actor.language, request.headers["accept-language"]);
      request.authentication.actor = { ...actor, language };
    }

    const authentication = request.authentication;
    if (
      authentication?.via === "session" &&
      !safeMethods.has(request.method) &&
      path !== "/api/auth/login" &&
      !csrfMatches(request.headers[csrfHeader], authentication.csrfToken)
    ) {
      return sendProblem(
        reply,
        problem(
          403,
          "csrf_failed",
          errorText.say(languageOfRequest(request), "csrf_failed", { header: csrfHeader }),
          { instance: request.url },
          languageOfRequest(request),
        ),
      );
    }
    if (authentication || isPublic(path)) return;
    reply.header("www-authenticate", 'Bearer realm="unblock"');
    return sendProblem(
      reply,
      problem(
        401,
        "unauthenticated",
        errorText.say(languageOfRequest(request), "sign_in_or_token"),
        { instance: request.url },
        languageOfRequest(request),
      ),
    );
  };
}

function csrfMatches(sent: string | string[] | undefined, expected: string | null): boolean {
  return typeof sent === "string" && expected !== null && sameSecret(sent, expected);
}

/** Who writes, from where, under which request id: for audited use-cases. */
export async function writeContextOf(request: FastifyRequest): Promise<WriteContext> {
  const actor = await request.actor();
  return { actor, source: sourceOf(request), requestId: request.id };
}

/** Changes made in the browser are "web"; those with an API token (CLI, integrations) are "api". */
export function sourceOf(request: FastifyRequest): "web" | "api" {
  return request.authentication?.via === "session" ? "web" : "api";
}
