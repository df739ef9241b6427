import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { PendingOidcSignIn } from "../../app/auth/begin-oidc-sign-in.ts";

/**
 * The cookie that carries a started OpenID Connect sign-in from
 * /api/auth/oidc/start to the callback: HttpOnly, sent only to those two
 * routes, SameSite=Lax (the provider sends the browser back with a top-level
 * GET, which Lax allows), ten minutes long, and sealed with AES-256-GCM under
 * the key all servers on the database share (oidcCookieKey), so the browser
 * can neither read nor alter the PKCE verifier, state, nonce or next page.
 */
export const oidcCookieName = "unblock_oidc";
const cookiePath = "/api/auth/oidc";
export const oidcCookieMinutes = 10;

export interface OidcCookieSeal {
  seal(pending: PendingOidcSignIn, expiresAt: Date): string;
  /** The pending sign-in, or null when the value is not one of ours, was altered, or has expired. */
  open(value: string | null, now: Date): PendingOidcSignIn | null;
}

export function oidcCookieSeal(key: Buffer): OidcCookieSeal {
  const aad = Buffer.from(oidcCookieName);
  return {
    seal(pending, expiresAt) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(aad);
      const plain = JSON.stringify({ ...pending, exp: expiresAt.getTime() });
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
    },
    open(value, now) {
      if (!value || value.length > 4096) return null;
      const raw = Buffer.from(value, "base64url");
      if (raw.length < 29) return null;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
        decipher.setAAD(aad);
        decipher.setAuthTag(raw.subarray(12, 28));
        const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
        const parsed = JSON.parse(plain) as PendingOidcSignIn & { exp: number };
        if (typeof parsed.exp !== "number" || parsed.exp <= now.getTime()) return null;
        return {
          state: parsed.state,
          nonce: parsed.nonce,
          codeVerifier: parsed.codeVerifier,
          next: parsed.next,
        };
      } catch {
        return null;
      }
    },
  };
}

/** Set-Cookie for a sealed value; Max-Age rather than Expires, so the browser's clock decides nothing. */
export function oidcCookie(value: string, options: { secure: boolean }): string {
  const maxAge = value ? oidcCookieMinutes * 60 : 0;
  const parts = [
    `${oidcCookieName}=${value}`,
    `Path=${cookiePath}`,
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAge}`,
  ];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

export function clearedOidcCookie(secure: boolean): string {
  return oidcCookie("", { secure });
}
