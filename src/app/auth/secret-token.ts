import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random, URL-safe secret of `bytes` bytes (256 bits by default). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * Session and API tokens are stored as SHA-256: they are random 256-bit
 * values, so a fast hash is enough (nothing to brute-force), and a copy of the
 * database does not let anyone sign in.
 */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Compares two secrets without leaking, through timing, how much of them matched. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(sha256(a), "hex");
  const right = Buffer.from(sha256(b), "hex");
  return timingSafeEqual(left, right);
}

/** API tokens start with this, so they are easy to recognise (and to find if leaked into a repository). */
export const apiTokenPrefix = "ubk_";
