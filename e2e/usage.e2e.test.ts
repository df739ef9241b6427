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

describe("usage beside the status", () => {
  it("sorts the portfolio by usage share and shows the usage in the status editor", async () => {
    const { context, page } = await openPage(browser, "/?sort=usage_share");
    const first = page.locator(".portfolio-row").first();
    await first.waitFor();
    await page.getByRole("button", { name: "Usage ▼" }).waitFor();
    // The demo feed gives every service monthly usage: the top row has the highest share.
    const shares = await page.locator(".portfolio-row td[title*='active seats on']").allTextContents();
    const percents = shares.map((text) => Number.parseFloat(text));
    expect(percents.length).toBeGreaterThan(3);
    expect(percents).toEqual([...percents].sort((a, b) => b - a));

    await first.locator("a[title^='Edit the status']").click();
    const line = page.getByText(/active seats on .*of the available seats/);
    await line.waitFor();
    const topShare = shares[0]?.match(/^[\d.]+%/)?.[0];
    expect(await line.textContent()).toContain(`${topShare} of the available seats`);
    await screenshot(page, "usage-editor");
    await context.close();
  });

  it("keeps the usage, contradiction and ended filters in the address", async () => {
    const { context, page } = await openPage(browser, "/");
    await page.locator(".portfolio-row").first().waitFor();
    await page.getByLabel("Contradicts usage").selectOption("any");
    await page.waitForURL(/contradiction=any/);
    await page.getByLabel("Ended").selectOption("include");
    await page.waitForURL(/ended=include/);
    await page.getByLabel("Usage from %").fill("10");
    await page.waitForURL(/usageShareMin=10/);
    await page.reload();
    expect(await page.getByLabel("Contradicts usage").inputValue()).toBe("any");
    expect(await page.getByLabel("Usage from %").inputValue()).toBe("10");
    await context.close();
  });
});
