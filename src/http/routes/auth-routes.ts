import type { FastifyRequest } from "fastify";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "../../app/auth/api-tokens.ts";
import { currentUserOf } from "../../app/auth/current-user.ts";
import type { OidcClient } from "../../app/auth/oidc-client.ts";
import { decoyHash } from "../../app/auth/password-hash.ts";
import { openSession, signIn, signOut } from "../../app/auth/sign-in.ts";
import { changeOwnPassword } from "../../app/users/change-own-password.ts";
import { writeContextOf } from "../acting-user.ts";
import { clearSessionCookie, setSessionCookie } from "../auth/session-cookie.ts";
import { problem, sendProblem } from "../problem.ts";
import { loginBodySchema, meSchema, passwordChangeSchema } from "../schemas/auth.ts";
import { authedProblemResponses, idParamsSchema, noContentSchema, problemSchema } from "../schemas/common.ts";
import {
  createdTokenSchema,
  newTokenBodySchema,
  tokenListSchema,
  tokenViewSchema,
} from "../schemas/users.ts";
import type { Api } from "./api.ts";

export interface AuthRouteOptions {
  /** Sign-in attempts per client address and window, before 429 (on top of the per-account lockout). */
  loginRateLimit: { max: number; timeWindow: number };
  /** Single sign-on through an OpenID Connect provider (oidc-routes.ts); off when undefined. */
  oidc?: OidcClient | undefined;
}

function me(deps: AppDeps, actor: Actor, csrfToken: string | null) {
  return { ...currentUserOf(deps, actor), csrfToken };
}

/** Secure cookies whenever the request came over https (directly, or through a proxy Fastify trusts). */
function isHttps(request: FastifyRequest): boolean {
  return request.protocol === "https";
}

export function authRoutes(api: Api, deps: AppDeps, options: AuthRouteOptions): void {
  // Hashed now, so the first sign-in with an unknown email takes no longer than any other.
  void decoyHash();
  api.post(
    "/auth/login",
    {
      config: {
        rateLimit: { max: options.loginRateLimit.max, timeWindow: options.loginRateLimit.timeWindow },
      },
      schema: {
        tags: ["users"],
        summary: "Sign in with email and password; sets the session cookie",
        description:
          "Answers `{user, permissions, csrfToken}` and sets an HttpOnly, SameSite=Lax session cookie. Wrong credentials: 401 (the same answer whether the email exists or not). Five failures in a row lock the account for 15 minutes (429 with Retry-After); too many attempts from one address also get 429.",
        body: loginBodySchema,
        response: { 200: meSchema, 401: problemSchema, 429: problemSchema, 400: problemSchema },
      },
    },
    async (request, reply) => {
      const result = await signIn(deps, request.body);
      if (!result.ok && result.reason === "locked") {
        const seconds = Math.max(1, Math.ceil((result.until.getTime() - deps.now().getTime()) / 1000));
        reply.header("retry-after", String(seconds));
        return sendProblem(
          reply,
          problem(
            429,
            "sign_in_locked",
            `Too many failed sign-ins: this account is locked until ${result.until.toISOString()}. Try again later, or ask an Admin to unlock it.`,
            { instance: request.url, lockedUntil: result.until.toISOString() },
          ),
        );
      }
      if (!result.ok) {
        request.log.info({ email: request.body.email }, "failed sign-in");
        return sendProblem(
          reply,
          problem(401, "sign_in_failed", "The email or password is not right.", { instance: request.url }),
        );
      }
      if (request.authentication?.sessionToken) await signOut(deps, request.authentication.sessionToken);
      setSessionCookie(reply, result.session, isHttps(request));
      return me(deps, result.user, result.session.csrfToken);
    },
  );

  api.post(
    "/auth/logout",
    {
      schema: {
        tags: ["users"],
        summary: "Sign out: ends the session and clears its cookie",
        response: { 204: noContentSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      const token = request.authentication?.sessionToken;
      if (token) await signOut(deps, token);
      clearSessionCookie(reply, isHttps(request));
      return reply.status(204).send(null);
    },
  );

  api.get(
    "/me",
    {
      schema: {
        tags: ["users"],
        summary: "The signed-in user, its permissions and the CSRF token for writes",
        response: { 200: meSchema, 401: problemSchema },
      },
    },
    async (request) => me(deps, await request.actor(), request.authentication?.csrfToken ?? null),
  );

  api.put(
    "/auth/password",
    {
      schema: {
        tags: ["users"],
        summary: "Change your own password; ends your other sessions",
        body: passwordChangeSchema,
        response: { 200: meSchema, ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      const context = await writeContextOf(request);
      await changeOwnPassword(deps, context, request.body);
      if (request.authentication?.via !== "session") return me(deps, context.actor, null);
      // Every session ended with the change; this browser gets a fresh one.
      const session = await openSession(deps, context.actor.id);
      setSessionCookie(reply, session, isHttps(request));
      return me(deps, context.actor, session.csrfToken);
    },
  );

  api.get(
    "/auth/tokens",
    {
      schema: {
        tags: ["users"],
        summary: "Your API tokens (never the tokens themselves)",
        response: { 200: tokenListSchema, ...authedProblemResponses },
      },
    },
    async (request) => ({ items: await listApiTokens(deps, await request.actor()) }),
  );

  api.post(
    "/auth/tokens",
    {
      schema: {
        tags: ["users"],
        summary: "Create an API token for yourself; the token is in this answer only",
        body: newTokenBodySchema,
        response: { 201: createdTokenSchema, ...authedProblemResponses },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(deps, await writeContextOf(request), request.body);
      reply.status(201).header("cache-control", "no-store");
      return { ...created.view, token: created.token };
    },
  );

  api.delete(
    "/auth/tokens/:id",
    {
      schema: {
        tags: ["users"],
        summary: "Revoke an API token (yours; an Admin may revoke anyone's)",
        params: idParamsSchema,
        response: { 200: tokenViewSchema, ...authedProblemResponses },
      },
    },
    async (request) => revokeApiToken(deps, await writeContextOf(request), request.params.id),
  );
}
