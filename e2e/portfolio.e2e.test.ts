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

describe("portfolio", () => {
  it("keeps a Blocked / one-L2 filter in the address across a reload", async () => {
    const { context, page } = await openPage(browser, "/");
    await page.locator("tbody tr").first().waitFor();
    await page.getByLabel("L1 status").selectOption("blocked");
    await page.getByLabel("L2 reason").selectOption("app_compatibility");
    await page.waitForURL(/l1=blocked&l2=app_compatibility/);
    await page.locator("tbody tr").first().waitFor();
    await expectOnlyAppCompatibility(page);
    await screenshot(page, "portfolio");

    await page.reload();
    await page.locator("tbody tr").first().waitFor();
    expect(new URL(page.url()).search).toBe("?l1=blocked&l2=app_compatibility");
    expect(await page.getByLabel("L1 status").inputValue()).toBe("blocked");
    expect(await page.getByLabel("L2 reason").inputValue()).toBe("app_compatibility");
    await expectOnlyAppCompatibility(page);
    await context.close();
  });

  it("draws only the rows in view and loads the next page from the cursor when scrolled", async () => {
    const { context, page } = await openPage(browser, "/");
    const status = page.getByText(/entitlements loaded/);
    await expect
      .poll(() => status.textContent(), { timeout: 15_000 })
      .toMatch(/^200 entitlements loaded; more load as you scroll/);
    // 200 rows loaded, but only a window of them is in the DOM.
    expect(await page.locator("tbody tr").count()).toBeLessThan(60);

    const scroller = page.locator("div:has(> table[aria-label='Portfolio'])");
    await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^400 entitlements loaded/);
    expect(await page.locator("tbody tr").count()).toBeLessThan(60);
    await context.close();
  });
});

/** Every drawn row's status chips name Blocked › App Compatibility. */
async function expectOnlyAppCompatibility(page: import("playwright-core").Page) {
  const rows = page.locator("tbody tr");
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let at = 0; at < count; at++) {
    const labels = await rows
      .nth(at)
      .locator(".segment-chip")
      .evaluateAll((chips) => chips.map((chip) => chip.getAttribute("aria-label") ?? ""));
    expect(labels.some((label) => label.startsWith("Blocked › App Compatibility"))).toBe(true);
  }
}
