import {
  loadDigestRecipient,
  type PreferenceChange,
  savePreferences,
} from "../../db/repositories/preference-repository.ts";
import { saidError, saidViolation } from "../../domain/app-error.ts";
import type { UnsubscribeAnswer } from "../../http/schemas/preferences.ts";
import type { AppDeps } from "../app-deps.ts";
import { readUnsubscribeToken } from "./unsubscribe-token.ts";

/**
 * What an unsubscribe link would switch off, and whether it is off already:
 * for the page a GET shows, which changes nothing (mail scanners follow links).
 * The signed token is the authority: no sign-in.
 */
export async function previewUnsubscribe(deps: AppDeps, token: string): Promise<UnsubscribeAnswer> {
  const { recipient, list } = await recipientOf(deps, token);
  const off = list === "digest" ? recipient.digest === "off" : !recipient.noticeMail;
  return { list, email: maskEmail(recipient.email), unsubscribed: off };
}

/**
 * Switches off what the link names: the digest (digest = off), or immediate
 * notices by mail (noticeMail = false; the inbox still has them). Doing it
 * twice is harmless.
 */
export async function unsubscribe(deps: AppDeps, token: string): Promise<UnsubscribeAnswer> {
  const { recipient, list } = await recipientOf(deps, token);
  const change: PreferenceChange = list === "digest" ? { digest: "off" } : { noticeMail: false };
  await savePreferences(deps.database.db, recipient.id, change, deps.now());
  return { list, email: maskEmail(recipient.email), unsubscribed: true };
}

async function recipientOf(deps: AppDeps, token: string) {
  const signed = await readUnsubscribeToken(deps, token);
  if (!signed) {
    throw saidError(
      "validation_failed",
      "unsubscribe_invalid",
      {},
      { violations: [saidViolation("token", "token_invalid", "unsubscribe_invalid_field")] },
    );
  }
  const recipient = await loadDigestRecipient(deps.database.db, signed.userId);
  if (!recipient) throw saidError("not_found", "unsubscribe_gone");
  return { recipient, list: signed.list };
}

/** "m•••@example.com": enough to recognise one's own address, not to harvest it from a forwarded link. */
function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  return at <= 0 ? "•••" : `${email.slice(0, 1)}•••${email.slice(at)}`;
}
