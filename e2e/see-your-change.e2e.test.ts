import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntitlementPage } from "../web/api/api-types.ts";
import { axeViolations } from "./support/axe.ts";
import { api, launchBrowser, openPage } from "./support/browser.ts";
import { freshEntitlement } from "./support/test-data.ts";

const deliveryFm = "delivery.fm@unblock.test";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Issue 19's "see your change": the feed on the dashboard, my portfolio, the aging bucket kept. */
describe("the dashboard after a change", () => {
  it("lists the change just saved first in recent changes, linking to its editor, and scopes to my portfolio", async () => {
    const target = await freshEntitlement({ l1: "in_progress" }, deliveryFm);
    await api(`/entitlements/${target.id}/status`, {
      method: "PUT",
      as: deliveryFm,
      body: {
        version: target.version,
        stage: "delivery",
        segments: [
          {
            seats: target.availableSeats,
            l1: "no_intent",
            l2: "executive_sponsorship",
            note: "The new CIO decided against the service after the merger; no sponsor is left for it.",
          },
        ],
      },
    });
    const me = await api<{ user: { name: string } }>("/me", { as: deliveryFm });
    const { context, page } = await openPage(browser, "/dashboards", { userEmail: deliveryFm });
    const feed = page.getByRole("region", { name: "Recent changes" });
    const first = feed.getByRole("listitem").first();
    await first.waitFor();
    expect(await first.textContent()).toContain(target.tenant.name);
    expect(await first.textContent()).toContain(me.user.name);
    await first.getByRole("link").click();
    await page.waitForURL((url) => url.searchParams.get("edit") === target.id);
    expect(new URL(page.url()).pathname).toBe(`/tenants/${target.tenant.id}`);

    // My portfolio: every report is asked again with mine=true.
    await page.goto("/dashboards");
    const scoped = page.waitForResponse(
      (response) => response.url().includes("/api/reports/aging") && response.url().includes("mine=true"),
    );
    await page.getByText("My portfolio", { exact: true }).click();
    expect((await scoped).status()).toBe(200);
    expect(new URL(page.url()).searchParams.get("mine")).toBe("true");

    // The portfolio a chart opens in my portfolio keeps it, says so, and lets it go.
    await page.goto("/?l1=blocked&mine=true");
    const expected = await api<EntitlementPage>("/entitlements?l1=blocked&mine=true&limit=5", {
      as: deliveryFm,
    });
    const rows = page.locator(".portfolio-row");
    if (expected.items.length > 0) {
      await rows.first().waitFor();
      const shown = await rows.evaluateAll((found) =>
        found.map((row) => row.getAttribute("data-entitlement")),
      );
      expect(shown.slice(0, expected.items.length)).toEqual(expected.items.map((item) => item.id));
    }
    const notice = page.getByRole("status").filter({ hasText: "Only my portfolio" });
    await notice.getByRole("button", { name: "Everything I can see" }).click();
    await page.waitForURL((url) => url.pathname === "/" && !url.searchParams.has("mine"));
    await context.close();
  });

  it("opens the portfolio at the aging bucket of the bar clicked", async () => {
    const { context, page } = await openPage(browser, "/dashboards");
    const chart = page.getByRole("region", { name: "Aging of Blocked seats" });
    const bar = chart.locator(".recharts-bar-rectangle path").filter({ visible: true }).first();
    await bar.waitFor();
    await bar.click();
    await page.waitForURL((url) => url.pathname === "/" && url.searchParams.has("l1DaysMin"));
    const params = new URL(page.url()).searchParams;
    expect(params.get("l1")).toBe("blocked");
    const query = new URLSearchParams({ l1: "blocked", l1DaysMin: params.get("l1DaysMin")!, limit: "5" });
    if (params.get("l1DaysMax")) query.set("l1DaysMax", params.get("l1DaysMax")!);
    const expected = await api<EntitlementPage>(`/entitlements?${query}`);
    expect(expected.items.length).toBeGreaterThan(0);
    const rows = page.locator(".portfolio-row");
    await rows.first().waitFor();
    const shown = await rows.evaluateAll((found) => found.map((row) => row.getAttribute("data-entitlement")));
    expect(shown.slice(0, expected.items.length)).toEqual(expected.items.map((item) => item.id));

    // The list says why it is narrower, with no accessibility fault, and lets the days go.
    const notice = page.getByRole("status").filter({ hasText: "days in their L1" });
    await notice.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await notice.getByRole("button", { name: "Any number of days" }).click();
    await page.waitForURL((url) => url.pathname === "/" && !url.searchParams.has("l1DaysMin"));
    expect(new URL(page.url()).searchParams.get("l1")).toBe("blocked");
    await context.close();
  });
});
