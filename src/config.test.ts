import { describe, expect, it } from "vitest";
import { readConfig } from "./config.ts";

const provider = {
  UNBLOCK_OIDC_ISSUER: "https://login.example.com/tenant",
  UNBLOCK_OIDC_CLIENT_ID: "unblock",
};

describe("OpenID Connect settings", () => {
  it("are off without an issuer and a client id", () => {
    expect(readConfig({}).oidc).toBeUndefined();
  });

  it("take the callback from the public URL, or from UNBLOCK_OIDC_REDIRECT_URL", () => {
    const derived = readConfig({ ...provider, UNBLOCK_PUBLIC_URL: "https://unblock.example.com/" }).oidc!;
    expect(derived.redirectUrl.href).toBe("https://unblock.example.com/api/auth/oidc/callback");
    expect(derived.name).toBe("single sign-on");
    expect(derived.requireVerifiedEmail).toBe(true);
    expect(derived.clientSecret).toBeUndefined();
    const given = readConfig({
      ...provider,
      UNBLOCK_OIDC_REDIRECT_URL: "https://sso.example.com/unblock/api/auth/oidc/callback",
      UNBLOCK_OIDC_CLIENT_SECRET: "s3cret",
      UNBLOCK_OIDC_NAME: "Contoso ID",
      UNBLOCK_OIDC_ALLOW_UNVERIFIED_EMAIL: "1",
    }).oidc!;
    expect(given.redirectUrl.href).toBe("https://sso.example.com/unblock/api/auth/oidc/callback");
    expect(given).toMatchObject({ clientSecret: "s3cret", name: "Contoso ID", requireVerifiedEmail: false });
  });

  it("stop the start when half configured, or with a plain-http provider elsewhere than this machine", () => {
    expect(() => readConfig({ UNBLOCK_OIDC_ISSUER: provider.UNBLOCK_OIDC_ISSUER })).toThrow(/CLIENT_ID/);
    expect(() => readConfig(provider)).toThrow(/UNBLOCK_PUBLIC_URL/);
    const site = { UNBLOCK_PUBLIC_URL: "https://unblock.example.com" };
    expect(() =>
      readConfig({ ...provider, ...site, UNBLOCK_OIDC_ISSUER: "http://login.example.com" }),
    ).toThrow(/https/);
    expect(() => readConfig({ ...provider, ...site, UNBLOCK_OIDC_ISSUER: "not a url" })).toThrow(/absolute/);
    expect(
      readConfig({ ...provider, ...site, UNBLOCK_OIDC_ISSUER: "http://127.0.0.1:9000" }).oidc?.issuer.href,
    ).toBe("http://127.0.0.1:9000/");
  });
});

describe("operations settings", () => {
  it("open the metrics to loopback by default, to listed addresses, or to the token alone", () => {
    expect(readConfig({}).metrics).toEqual({ token: undefined, allow: ["127.0.0.1", "::1"] });
    expect(readConfig({ UNBLOCK_METRICS_ALLOW: "10.0.0.5, 127.0.0.1" }).metrics.allow).toEqual([
      "10.0.0.5",
      "127.0.0.1",
    ]);
    expect(readConfig({ UNBLOCK_METRICS_ALLOW: "none", UNBLOCK_METRICS_TOKEN: "t" }).metrics).toEqual({
      token: "t",
      allow: [],
    });
  });

  it("give a stopping server 10 seconds unless told otherwise, and refuse a deadline that is no number", () => {
    expect(readConfig({}).shutdownTimeoutMs).toBe(10_000);
    expect(readConfig({ UNBLOCK_SHUTDOWN_TIMEOUT: "2.5" }).shutdownTimeoutMs).toBe(2_500);
    expect(() => readConfig({ UNBLOCK_SHUTDOWN_TIMEOUT: "soon" })).toThrow(/UNBLOCK_SHUTDOWN_TIMEOUT/);
    expect(() => readConfig({ UNBLOCK_SHUTDOWN_TIMEOUT: "0" })).toThrow(/above 0/);
  });
});

describe("the read replica", () => {
  it("is off unless named, allows 5 s of lag by default, and refuses a lag that is no number", () => {
    expect(readConfig({}).replicaUrl).toBeUndefined();
    expect(readConfig({}).replicaMaxLagMs).toBe(5000);
    const replica = "postgres://reader@replica.internal:5432/unblock";
    expect(readConfig({ DATABASE_REPLICA_URL: replica, UNBLOCK_REPLICA_MAX_LAG_MS: "250" })).toMatchObject({
      replicaUrl: replica,
      replicaMaxLagMs: 250,
    });
    expect(() => readConfig({ UNBLOCK_REPLICA_MAX_LAG_MS: "-1" })).toThrow(/UNBLOCK_REPLICA_MAX_LAG_MS/);
  });
});
