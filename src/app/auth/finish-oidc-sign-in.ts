import * as openid from "openid-client";
import { findUserWithAccount } from "../../db/repositories/account-repository.ts";
import type { UserRecord } from "../../db/repositories/user-repository.ts";
import type { AppDeps } from "../app-deps.ts";
import type { PendingOidcSignIn } from "./begin-oidc-sign-in.ts";
import type { OidcClient } from "./oidc-client.ts";
import { type NewSession, openSession } from "./sign-in.ts";

/** Why a sign-in through the provider was refused; the sign-in page explains each. */
export type OidcRefusal =
  /** The person cancelled or was refused at the provider. */
  | "cancelled"
  /** No sign-in was started in this browser, it expired, or the answer does not match it (state, nonce, PKCE, ID token). */
  | "failed"
  /** The provider could not be reached. */
  | "unavailable"
  | "no_email"
  | "email_unverified"
  /** No Unblock user has this email: an Admin adds users; sign-in never creates them. */
  | "unknown_user"
  | "disabled";

export type FinishOidcSignInResult =
  | { ok: true; user: UserRecord; session: NewSession; next: string }
  | { ok: false; reason: OidcRefusal; email?: string; error?: unknown };

/**
 * Completes the authorization code flow from the provider's answer (the
 * callback's query string): exchanges the code with the PKCE verifier, lets
 * openid-client check the state, the ID token (issuer, audience, signature,
 * expiry) and its nonce, then takes the email (from the ID token, else from
 * the UserInfo endpoint) and opens the same session a password sign-in opens
 * for the user with that email, whatever its case.
 */
export async function finishOidcSignIn(
  deps: AppDeps,
  client: OidcClient,
  input: { query: string; pending: PendingOidcSignIn | null },
): Promise<FinishOidcSignInResult> {
  const { pending } = input;
  if (!pending) return { ok: false, reason: "failed" };
  let configuration: openid.Configuration;
  try {
    configuration = await client.configuration();
  } catch (error) {
    return { ok: false, reason: "unavailable", error };
  }
  const answer = new URL(client.config.redirectUrl);
  answer.search = input.query;
  answer.hash = "";

  let claims: Record<string, unknown>;
  try {
    const tokens = await openid.authorizationCodeGrant(configuration, answer, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) return { ok: false, reason: "failed" };
    claims = idToken;
    if (typeof idToken.email !== "string") {
      claims = await openid.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    }
  } catch (error) {
    if (error instanceof openid.AuthorizationResponseError && error.error === "access_denied") {
      return { ok: false, reason: "cancelled", error };
    }
    return { ok: false, reason: "failed", error };
  }

  const email = typeof claims.email === "string" ? claims.email.trim() : "";
  if (!email || email.length > 320) return { ok: false, reason: "no_email" };
  const verified = claims.email_verified === true || claims.email_verified === "true";
  if (client.config.requireVerifiedEmail && !verified)
    return { ok: false, reason: "email_unverified", email };
  const found = await findUserWithAccount(deps.database.db, { email });
  if (!found) return { ok: false, reason: "unknown_user", email };
  if (found.account.disabledAt) return { ok: false, reason: "disabled", email };
  return { ok: true, user: found.user, session: await openSession(deps, found.user.id), next: pending.next };
}
