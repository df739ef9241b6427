import { resolve } from "node:path";

/** Runtime configuration, from the environment; every value has a safe local default. */
export interface Config {
  host: string;
  port: number;
  /** PostgreSQL server URL; when unset the embedded database in `dataDir` is used. */
  databaseUrl: string | undefined;
  /** A streaming replica of that server, read by reports and exports (docs/SCALING.md); unset: none. */
  replicaUrl: string | undefined;
  /** How far (ms) the replica may lag before those reads go to the primary (UNBLOCK_REPLICA_MAX_LAG_MS). */
  replicaMaxLagMs: number;
  dataDir: string;
  playbookPath: string | undefined;
  /** E-mail of the user CLI commands act as when they name none (--as). */
  defaultUser: string;
  /** The first Admin, created on the first start when no Admin can sign in. */
  adminEmail: string;
  /** Its password; unset means a generated one, printed once. */
  adminPassword: string | undefined;
  /** Behind a reverse proxy that sets X-Forwarded-Proto/For (secure cookies, client addresses). */
  trustProxy: boolean;
  logLevel: string;
  /** OpenID Connect sign-in; undefined (off) unless UNBLOCK_OIDC_ISSUER is set. */
  oidc: OidcConfig | undefined;
  /** Who may read GET /metrics: a bearer token (UNBLOCK_METRICS_TOKEN) or these addresses (UNBLOCK_METRICS_ALLOW). */
  metrics: { token: string | undefined; allow: string[] };
  /** How long a stopping server may take to finish what it accepted (UNBLOCK_SHUTDOWN_TIMEOUT, seconds). */
  shutdownTimeoutMs: number;
}

/** Sign-in through an OpenID Connect provider, beside passwords (docs/SECURITY.md). */
export interface OidcConfig {
  /** The provider's issuer identifier; its discovery document is read from it. */
  issuer: URL;
  clientId: string;
  /** Unset: a public client (PKCE only, no client authentication). */
  clientSecret: string | undefined;
  /** Where the provider sends the browser back: this server's /api/auth/oidc/callback. */
  redirectUrl: URL;
  /** On the sign-in button: "Sign in with <name>". */
  name: string;
  /** Refuse an email the provider does not say it verified (the default). */
  requireVerifiedEmail: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  return {
    // Loopback by default: bind to other addresses deliberately (and behind https).
    host: env.HOST ?? "127.0.0.1",
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    replicaUrl: env.DATABASE_REPLICA_URL || undefined,
    replicaMaxLagMs: millisecondsOf("UNBLOCK_REPLICA_MAX_LAG_MS", env.UNBLOCK_REPLICA_MAX_LAG_MS, 5000),
    dataDir: resolve(env.UNBLOCK_DATA_DIR ?? "./data"),
    playbookPath: env.UNBLOCK_PLAYBOOK || undefined,
    defaultUser: env.UNBLOCK_USER ?? "admin@unblock.test",
    adminEmail: env.UNBLOCK_ADMIN_EMAIL || "admin@unblock.test",
    adminPassword: env.UNBLOCK_ADMIN_PASSWORD || undefined,
    trustProxy: env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true",
    logLevel: env.LOG_LEVEL ?? "info",
    oidc: readOidcConfig(env),
    metrics: {
      token: env.UNBLOCK_METRICS_TOKEN || undefined,
      // "none" (or an empty list): only the token opens the metrics.
      allow: (env.UNBLOCK_METRICS_ALLOW ?? "127.0.0.1,::1")
        .split(",")
        .map((address) => address.trim())
        .filter((address) => address !== "" && address !== "none"),
    },
    shutdownTimeoutMs: secondsOf("UNBLOCK_SHUTDOWN_TIMEOUT", env.UNBLOCK_SHUTDOWN_TIMEOUT, 10) * 1000,
  };
}

function secondsOf(variable: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === "") return fallback;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new Error(`${variable} must be a number of seconds above 0, got "${text}"`);
  }
  return seconds;
}

function millisecondsOf(variable: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === "") return fallback;
  const milliseconds = Number(text);
  if (!Number.isFinite(milliseconds) || milliseconds < 0) {
    throw new Error(`${variable} must be a number of milliseconds, 0 or more, got "${text}"`);
  }
  return milliseconds;
}

/** Path of the OpenID Connect callback route, under the server's public URL. */
const oidcCallbackPath = "/api/auth/oidc/callback";

function readOidcConfig(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const issuerText = env.UNBLOCK_OIDC_ISSUER || undefined;
  const clientId = env.UNBLOCK_OIDC_CLIENT_ID || undefined;
  if (!issuerText && !clientId) return undefined;
  if (!issuerText || !clientId) {
    throw new Error("OpenID Connect sign-in needs both UNBLOCK_OIDC_ISSUER and UNBLOCK_OIDC_CLIENT_ID");
  }
  const issuer = absoluteUrl("UNBLOCK_OIDC_ISSUER", issuerText);
  // Plain http only for a provider on this machine (development, tests): tokens travel over it.
  if (issuer.protocol !== "https:" && !isLoopback(issuer)) {
    throw new Error(`UNBLOCK_OIDC_ISSUER must be an https URL (http only on 127.0.0.1 or localhost)`);
  }
  const redirectText =
    env.UNBLOCK_OIDC_REDIRECT_URL ||
    (env.UNBLOCK_PUBLIC_URL ? `${env.UNBLOCK_PUBLIC_URL.replace(/\/+$/, "")}${oidcCallbackPath}` : undefined);
  if (!redirectText) {
    throw new Error(
      `OpenID Connect sign-in needs UNBLOCK_PUBLIC_URL (the address browsers use, e.g. https://unblock.example.com) or UNBLOCK_OIDC_REDIRECT_URL (ending in ${oidcCallbackPath})`,
    );
  }
  const flag = (env.UNBLOCK_OIDC_ALLOW_UNVERIFIED_EMAIL ?? "").toLowerCase();
  return {
    issuer,
    clientId,
    clientSecret: env.UNBLOCK_OIDC_CLIENT_SECRET || undefined,
    redirectUrl: absoluteUrl("UNBLOCK_OIDC_REDIRECT_URL", redirectText),
    name: env.UNBLOCK_OIDC_NAME?.trim() || "single sign-on",
    requireVerifiedEmail: !(flag === "1" || flag === "true"),
  };
}

function absoluteUrl(variable: string, text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${variable} must be an absolute http(s) URL, got "${text}"`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`${variable} must be an absolute http(s) URL, got "${text}"`);
  }
  return url;
}

function isLoopback(url: URL): boolean {
  return url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
}
