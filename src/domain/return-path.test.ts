import { describe, expect, it } from "vitest";
import { loginPath, nextAfterLogin } from "./return-path.ts";

describe(loginPath.name, () => {
  it("keeps the page asked for, query string included, for after sign-in", () => {
    const path = loginPath("/tenants/42?edit=7");
    expect(path).toBe("/login?next=%2Ftenants%2F42%3Fedit%3D7");
    expect(nextAfterLogin(path.slice(path.indexOf("?")))).toBe("/tenants/42?edit=7");
  });

  it("is plain /login for the portfolio and for the sign-in page itself", () => {
    expect(loginPath("/")).toBe("/login");
    expect(loginPath("/login?next=%2Fdashboards")).toBe("/login");
  });
});

describe(nextAfterLogin.name, () => {
  it("follows a path on this site", () => {
    expect(nextAfterLogin("?next=%2Fdashboards%3Fservice%3Dexo")).toBe("/dashboards?service=exo");
  });

  it.each([
    ["another site", "?next=https%3A%2F%2Fevil.example%2F"],
    ["a protocol-relative address", "?next=%2F%2Fevil.example"],
    ["a backslash address", "?next=%2F%5Cevil.example"],
    ["an address with a tab", "?next=%2F%09%2Fevil.example"],
    ["a script address", "?next=javascript%3Aalert(1)"],
    ["nothing", ""],
  ])("goes to the portfolio instead of %s", (_, search) => {
    expect(nextAfterLogin(search)).toBe("/");
  });
});
