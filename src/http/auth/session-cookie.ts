import type { FastifyReply } from "fastify";

/** The sign-in cookie: an opaque random token; the session it names lives in the database. */
export const sessionCookieName = "unblock_session";

/**
 * Sets the session cookie (through @fastify/cookie): HttpOnly (scripts cannot
 * read it), SameSite=Lax (not sent on cross-site writes), Secure when the
 * request came over https, Path=/ so the web app and the API share it; it
 * expires with the session.
 */
export function setSessionCookie(
  reply: FastifyReply,
  session: { token: string; expiresAt: Date },
  secure: boolean,
): void {
  reply.setCookie(sessionCookieName, session.token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
    expires: session.expiresAt,
  });
}

/** Ends the session cookie in the browser (an expired, empty cookie). */
export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookieName, { path: "/", httpOnly: true, sameSite: "lax", secure });
}
