import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, screenshot } from "./support/browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("dashboards", () => {
  it("opens the portfolio filtered to the L2 and service of the bar clicked", async () => {
    const { context, page } = await openPage(browser, "/dashboards");
    const chart = page.getByRole("region", { name: "Blocked seats by L2 reason and service" });
    // Series with no seats for a service draw zero-width bars; click one that shows.
    const bar = chart.locator(".recharts-bar-rectangle path").filter({ visible: true }).first();
    await bar.waitFor();
    await page
      .getByRole("region", { name: "Projected unblocks per week" })
      .locator(".recharts-bar-rectangle path")
      .filter({ visible: true })
      .first()
      .waitFor();
    await screenshot(page, "dashboard");

    await bar.click();
    await page.waitForURL((url) => url.pathname === "/" && url.searchParams.get("l1") === "blocked");
    const params = new URL(page.url()).searchParams;
    const l2 = params.get("l2");
    const serviceId = params.get("serviceId");
    expect(l2).toBeTruthy();
    expect(serviceId).toBeTruthy();
    expect(await page.getByLabel("L1 status").inputValue()).toBe("blocked");
    expect(await page.getByLabel("L2 reason").inputValue()).toBe(l2);
    expect(await page.getByLabel("Service").inputValue()).toBe(serviceId);

    // The rows shown are that service, with Blocked seats for that L2.
    const rows = page.locator("tbody tr");
    await rows.first().waitFor();
    const drawn = await rows.count();
    for (let at = 0; at < drawn; at++) {
      const chips = await rows
        .nth(at)
        .locator(".segment-chip")
        .evaluateAll((found) => found.map((chip) => chip.getAttribute("href") ?? ""));
      expect(chips.some((href) => href.startsWith(`/playbook/blocked/${l2}`))).toBe(true);
    }
    await context.close();
  });
});
