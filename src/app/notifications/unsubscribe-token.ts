import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { keepServerKey } from "../../db/repositories/server-key-repository.ts";
import type { MailList } from "../../domain/notifications/mail-lists.ts";
import type { AppDeps } from "../app-deps.ts";

const keyName = "unsubscribe_hmac";
const keys = new WeakMap<object, Promise<Buffer>>();

/**
 * The HMAC key of unsubscribe links: made at random by the first server that
 * needs it and kept in the database (server_keys), so a link mailed by one
 * server works on every other one and after a restart. Read once per database.
 */
function unsubscribeKey(deps: AppDeps): Promise<Buffer> {
  let key = keys.get(deps.database);
  if (!key) {
    key = keepServerKey(deps.database.db, keyName, randomBytes(32).toString("base64url")).then((stored) =>
      Buffer.from(stored, "base64url"),
    );
    key.catch(() => keys.delete(deps.database));
    keys.set(deps.database, key);
  }
  return key;
}

function mac(key: Buffer, list: MailList, userId: string): Buffer {
  return createHmac("sha256", key).update(`unsubscribe:${list}:${userId}`).digest();
}

/**
 * `<list>.<userId>.<HMAC-SHA256>`: whoever holds it may switch that list off
 * for that person, with no sign-in (RFC 8058 one-click). It does not expire:
 * an old mail's link still works, and it can do nothing but unsubscribe.
 */
export async function unsubscribeToken(deps: AppDeps, userId: string, list: MailList): Promise<string> {
  return `${list}.${userId}.${mac(await unsubscribeKey(deps), list, userId).toString("base64url")}`;
}

/** The person and list a token names, or null when it is malformed or its signature is not ours. */
export async function readUnsubscribeToken(
  deps: AppDeps,
  token: string,
): Promise<{ userId: string; list: MailList } | null> {
  const match = /^(digest|notices)\.([0-9a-f-]{36})\.([\w-]{43})$/.exec(token);
  if (!match) return null;
  const list = match[1] as MailList;
  const userId = match[2] as string;
  // Compared as text: decoding first would let the unused low bits of the last character vary.
  const given = Buffer.from(match[3] as string);
  const expected = Buffer.from(mac(await unsubscribeKey(deps), list, userId).toString("base64url"));
  return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, list } : null;
}

/** The one-click link of a mail: UNBLOCK_PUBLIC_URL/unsubscribe?token=... */
export async function unsubscribeUrl(deps: AppDeps, userId: string, list: MailList): Promise<string> {
  return `${publicUrl()}/unsubscribe?token=${encodeURIComponent(await unsubscribeToken(deps, userId, list))}`;
}

/** The address links in mails start with (UNBLOCK_PUBLIC_URL; http://localhost:3000 when unset). */
export function publicUrl(): string {
  return (process.env.UNBLOCK_PUBLIC_URL || "http://localhost:3000").replace(/\/+$/, "");
}

/** The headers that let a mail client offer one-click unsubscribe (RFC 2369, RFC 8058). */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
