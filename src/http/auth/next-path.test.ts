import { describe, expect, it } from "vitest";
import { loginWithError, safeNextPath } from "./next-path.ts";

describe("the page a sign-in redirects to", () => {
  it("keeps a path of this site, with its query, percent-encoded for the Location header", () => {
    expect(safeNextPath("/tenants/42?edit=7")).toBe("/tenants/42?edit=7");
    expect(safeNextPath("/entitlements?q=Contoso Ltd")).toBe("/entitlements?q=Contoso%20Ltd");
    expect(safeNextPath("/tenants/Zürich")).toBe("/tenants/Z%C3%BCrich");
    expect(safeNextPath(undefined)).toBe("/");
  });

  it("turns anything that could leave the site, or loop back to sign-in, into /", () => {
    for (const raw of [
      "//evil.example",
      "https://evil.example/",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "evil.example",
      "/login?next=/x",
      "javascript:alert(1)",
    ]) {
      expect(safeNextPath(raw), JSON.stringify(raw)).toBe("/");
    }
  });

  it("sends a refusal to the sign-in page, keeping where the person was going", () => {
    expect(loginWithError("oidc_failed", "/")).toBe("/login?error=oidc_failed");
    expect(loginWithError("oidc_unknown_user", "/tenants/42?edit=7")).toBe(
      "/login?error=oidc_unknown_user&next=%2Ftenants%2F42%3Fedit%3D7",
    );
  });
});
