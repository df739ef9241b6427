import { randomBytes } from "node:crypto";
import { keepServerKey } from "../../db/repositories/server-key-repository.ts";
import type { AppDeps } from "../app-deps.ts";

const keyName = "oidc_cookie";

/**
 * The AES-256 key that seals the OpenID Connect sign-in cookie: made at random
 * by the first server that needs it and kept in the database, so every server
 * on that database (behind a load balancer) opens what another sealed, and a
 * sign-in started before a restart still finishes.
 */
export async function oidcCookieKey(deps: AppDeps): Promise<Buffer> {
  const stored = await keepServerKey(deps.database.db, keyName, randomBytes(32).toString("base64url"));
  const key = Buffer.from(stored, "base64url");
  if (key.length !== 32) throw new Error(`The stored ${keyName} key is ${key.length} bytes, not 32.`);
  return key;
}
