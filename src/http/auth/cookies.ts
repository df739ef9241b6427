/** The sign-in cookie: an opaque random token; the session it names lives in the database. */
export const sessionCookieName = "unblock_session";

/** The value of one cookie from a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw);
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Set-Cookie for the session: HttpOnly (scripts cannot read it), SameSite=Lax
 * (not sent on cross-site writes), Secure when the request came over https,
 * Path=/ so the web app and the API share it.
 */
export function sessionCookie(value: string, options: { expires: Date; secure: boolean }): string {
  const parts = [
    `${sessionCookieName}=${encodeURIComponent(value)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${options.expires.toUTCString()}`,
  ];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie("", { expires: new Date(0), secure });
}
