import type { FastifyRequest } from "fastify";
import type { AppDeps } from "../../app/app-deps.ts";
import { beginOidcSignIn } from "../../app/auth/begin-oidc-sign-in.ts";
import { finishOidcSignIn } from "../../app/auth/finish-oidc-sign-in.ts";
import type { OidcClient } from "../../app/auth/oidc-client.ts";
import { oidcCookieKey } from "../../app/auth/oidc-cookie-key.ts";
import { signOut } from "../../app/auth/sign-in.ts";
import { saidError } from "../../domain/app-error.ts";
import { loginWithError, safeNextPath } from "../auth/next-path.ts";
import {
  clearedOidcCookie,
  type OidcCookieSeal,
  oidcCookie,
  oidcCookieMinutes,
  oidcCookieName,
  oidcCookieSeal,
} from "../auth/oidc-cookie.ts";
import { setSessionCookie } from "../auth/session-cookie.ts";
import {
  oidcCallbackQuerySchema,
  oidcStartQuerySchema,
  redirectSchema,
  signInOptionsSchema,
} from "../schemas/auth.ts";
import { problemSchema } from "../schemas/common.ts";
import type { Api } from "./api.ts";
import type { AuthRouteOptions } from "./auth-routes.ts";

export const oidcStartPath = "/api/auth/oidc/start";

/**
 * OpenID Connect sign-in beside passwords: /auth/oidc/start sends the browser
 * to the provider, /auth/oidc/callback brings it back signed in (or to the
 * sign-in page with `?error=oidc_<reason>`). Both answer 404 when the server has
 * no provider configured; /auth/options tells the web app whether it has one.
 */
export function oidcRoutes(api: Api, deps: AppDeps, options: AuthRouteOptions): void {
  const client = options.oidc;
  // The key comes from the database on first use (oidcCookieKey): every server on it seals alike.
  let sealing: Promise<OidcCookieSeal> | undefined;
  const sealOf = (): Promise<OidcCookieSeal> => {
    sealing ??= oidcCookieKey(deps).then(oidcCookieSeal, (error: unknown) => {
      sealing = undefined;
      throw error;
    });
    return sealing;
  };
  const rateLimit = { max: options.loginRateLimit.max, timeWindow: options.loginRateLimit.timeWindow };
  const configured = (): OidcClient => {
    if (!client) throw saidError("not_found", "sso_not_configured");
    return client;
  };

  api.get(
    "/auth/options",
    {
      schema: {
        tags: ["users"],
        summary: "How one may sign in here: passwords, and single sign-on when configured",
        response: { 200: signInOptionsSchema },
      },
    },
    async () => ({ oidc: client ? { name: client.config.name, startPath: oidcStartPath } : null }),
  );

  api.get(
    "/auth/oidc/start",
    {
      config: { rateLimit },
      schema: {
        tags: ["users"],
        summary: "Single sign-on: redirects the browser to the OpenID Connect provider",
        description:
          "Starts an authorization code flow with PKCE, state and nonce, kept in a sealed ten-minute HttpOnly cookie. `next` is the page to open afterwards (a path on this site; anything else means /). 404 when no provider is configured.",
        querystring: oidcStartQuerySchema,
        response: { 302: redirectSchema, 404: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const oidc = configured();
      const next = safeNextPath(request.query.next);
      reply.header("cache-control", "no-store");
      const begun = await beginOidcSignIn(oidc, { next });
      if (!begun.ok) {
        request.log.warn({ issuer: oidc.config.issuer.href }, "OpenID Connect provider unreachable");
        return reply.redirect(loginWithError(`oidc_${begun.reason}`, next));
      }
      const expiresAt = new Date(deps.now().getTime() + oidcCookieMinutes * 60_000);
      reply.header(
        "set-cookie",
        oidcCookie((await sealOf()).seal(begun.pending, expiresAt), { secure: isHttps(request) }),
      );
      return reply.redirect(begun.authorizationUrl.href);
    },
  );

  api.get(
    "/auth/oidc/callback",
    {
      config: { rateLimit },
      schema: {
        tags: ["users"],
        summary: "Single sign-on: the provider's answer; signs in and redirects",
        description:
          "Exchanges the code, checks state, nonce and the ID token, and signs in the Unblock user with the provider's (verified) email: sets the session cookie and redirects to `next`. Users are never created here; an unknown email, a disabled user or any failure redirects to `/login?error=oidc_<reason>`. 404 when no provider is configured.",
        querystring: oidcCallbackQuerySchema,
        response: { 302: redirectSchema, 404: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const oidc = configured();
      const secure = isHttps(request);
      const seal = await sealOf();
      const pending = seal.open(request.cookies[oidcCookieName] ?? null, deps.now());
      const queryAt = request.url.indexOf("?");
      const query = queryAt < 0 ? "" : request.url.slice(queryAt + 1);
      const result = await finishOidcSignIn(deps, oidc, { query, pending });
      reply.header("cache-control", "no-store");
      if (!result.ok) {
        request.log.info(
          { reason: result.reason, email: result.email, err: result.error },
          "OpenID Connect sign-in refused",
        );
        reply.header("set-cookie", clearedOidcCookie(secure));
        return reply.redirect(loginWithError(`oidc_${result.reason}`, pending?.next ?? "/"));
      }
      if (request.authentication?.sessionToken) await signOut(deps, request.authentication.sessionToken);
      request.log.info({ userId: result.user.id }, "signed in with OpenID Connect");
      reply.header("set-cookie", clearedOidcCookie(secure));
      setSessionCookie(reply, result.session, secure);
      return reply.redirect(result.next);
    },
  );
}

/** Secure cookies whenever the request came over https (directly, or through a proxy Fastify trusts). */
function isHttps(request: FastifyRequest): boolean {
  return request.protocol === "https";
}
