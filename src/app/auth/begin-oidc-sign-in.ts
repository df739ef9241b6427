import * as openid from "openid-client";
import type { OidcClient } from "./oidc-client.ts";

/**
 * What the browser must bring back to the callback, kept by the HTTP layer in
 * a short-lived cookie only this server can read: the PKCE verifier, the
 * state and nonce the provider's answer must match, and the page to open after.
 */
export interface PendingOidcSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** A path on this site (checked by the caller). */
  next: string;
}

export type BeginOidcSignInResult =
  | { ok: true; authorizationUrl: URL; pending: PendingOidcSignIn }
  | { ok: false; reason: "unavailable" };

/** Starts an authorization code flow with PKCE, state and nonce: where to send the browser, and what to remember. */
export async function beginOidcSignIn(
  client: OidcClient,
  input: { next: string },
): Promise<BeginOidcSignInResult> {
  let configuration: openid.Configuration;
  try {
    configuration = await client.configuration();
  } catch {
    return { ok: false, reason: "unavailable" };
  }
  const pending: PendingOidcSignIn = {
    state: openid.randomState(),
    nonce: openid.randomNonce(),
    codeVerifier: openid.randomPKCECodeVerifier(),
    next: input.next,
  };
  const authorizationUrl = openid.buildAuthorizationUrl(configuration, {
    redirect_uri: client.config.redirectUrl.href,
    response_type: "code",
    scope: "openid email",
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await openid.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: "S256",
  });
  return { ok: true, authorizationUrl, pending };
}
