import * as openid from "openid-client";
import type { OidcConfig } from "../../config.ts";

/** The configured provider, its metadata discovered once and kept. */
export interface OidcClient {
  config: OidcConfig;
  /** The provider's discovered metadata and this client's credentials; rejects when the provider is unreachable. */
  configuration(): Promise<openid.Configuration>;
}

/**
 * Reads the provider's discovery document on first use and keeps it; a failed
 * read is tried again on the next sign-in, so a provider that was down at
 * start does not need a restart. With a client secret the client
 * authenticates with HTTP Basic (the OpenID Connect default), without one it is
 * a public client that relies on PKCE alone.
 */
export function oidcClient(config: OidcConfig): OidcClient {
  let pending: Promise<openid.Configuration> | null = null;
  const discover = () =>
    openid.discovery(
      config.issuer,
      config.clientId,
      undefined,
      config.clientSecret ? openid.ClientSecretBasic(config.clientSecret) : openid.None(),
      // config.ts allows http only for a provider on this machine.
      config.issuer.protocol === "http:" ? { execute: [openid.allowInsecureRequests] } : undefined,
    );
  return {
    config,
    configuration() {
      if (!pending) {
        const attempt = discover();
        pending = attempt;
        void attempt.catch(() => {
          if (pending === attempt) pending = null;
        });
      }
      return pending;
    },
  };
}
