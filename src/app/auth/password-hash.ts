import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { maxPasswordLength } from "../../domain/policy/password-length.ts";
import type { Violation } from "../../domain/violation.ts";

/** scrypt cost parameters; N = 2^15 with r = 8 takes about 50-100 ms and 32 MiB per hash. */
export interface ScryptCost {
  logN: number;
  r: number;
  p: number;
}

export const defaultScryptCost: ScryptCost = { logN: 15, r: 8, p: 1 };
const keyLength = 32;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.logN;
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize("NFC"),
      salt,
      keyLength,
      { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** `scrypt$logN$r$p$salt$hash` (base64url): the parameters travel with the hash, so they can be raised later. */
export async function hashPassword(password: string, cost: ScryptCost = defaultScryptCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ["scrypt", cost.logN, cost.r, cost.p, salt.toString("base64url"), key.toString("base64url")].join(
    "$",
  );
}

/** Whether the password matches a stored hash; false for anything malformed. Constant-time compare. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !logN || !r || !p || !salt || !hash) return false;
  const cost = { logN: Number(logN), r: Number(r), p: Number(p) };
  if (![cost.logN, cost.r, cost.p].every(Number.isInteger) || cost.logN < 10 || cost.logN > 20) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), cost);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * A hash of a random password, compared against when the email is unknown, so
 * a sign-in for a missing user takes as long as one for an existing user.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  return decoy;
}

export const minPasswordLength = 12;
export { maxPasswordLength };

/** Length is what resists guessing; no composition rules (they push people to predictable patterns). */
export function passwordViolations(password: string, field = "password"): Violation[] {
  if (password.length < minPasswordLength) {
    return [
      {
        field,
        code: "password_too_short",
        message: `A password needs at least ${minPasswordLength} characters; a few words make a good one.`,
      },
    ];
  }
  if (password.length > maxPasswordLength) {
    return [
      {
        field,
        code: "password_too_long",
        message: `A password may have at most ${maxPasswordLength} characters.`,
      },
    ];
  }
  return [];
}

/** A random password for the first Admin: 24 characters of base64url, about 144 bits. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
