import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, screenshot } from "./support/browser.ts";

const deliveryFm = "delivery.fm@unblock.test";

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

  it("saves a view on the server, so the same user finds it in another browser", async () => {
    const name = `Blocked app compat ${Date.now()}`;
    const first = await openPage(browser, "/?l1=blocked&l2=app_compatibility", { userEmail: deliveryFm });
    await first.page.locator("tbody tr").first().waitFor();
    await first.page.getByRole("button", { name: "Save view" }).click();
    await first.page.getByLabel("Name of this view").fill(name);
    await first.page.getByRole("button", { name: "Save", exact: true }).click();
    await first.page.getByRole("button", { name: /^Saved views \(\d+\)$/ }).waitFor();
    await first.page.getByLabel("Name of this view").waitFor({ state: "hidden" });
    await first.context.close();

    // A new browser context shares nothing with the first: the view comes from the server.
    // An assigned person lands on My work; the portfolio is one link away.
    const second = await openPage(browser, "/", { userEmail: deliveryFm });
    await second.page.waitForURL((url) => url.pathname === "/my-work");
    await second.page
      .getByRole("navigation", { name: "Sections" })
      .getByRole("link", { name: "Portfolio" })
      .click();
    await second.page.getByRole("button", { name: /^Saved views/ }).click();
    await second.page.getByRole("menuitem", { name }).click();
    await second.page.waitForURL(/l1=blocked&l2=app_compatibility/);
    expect(await second.page.getByLabel("L2 reason").inputValue()).toBe("app_compatibility");
    await second.context.close();
  });

  it("draws only the rows in view and loads the next page from the cursor when scrolled", async () => {
    const { context, page } = await openPage(browser, "/");
    const status = page.getByText(/ loaded/);
    await expect
      .poll(() => status.textContent(), { timeout: 15_000 })
      .toMatch(/^200 loaded; more load as you scroll/);
    // 200 rows loaded, but only a window of them is in the DOM.
    expect(await page.locator("tbody tr").count()).toBeLessThan(60);

    const scroller = page.locator("div:has(> table[aria-label='Portfolio'])");
    await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^400 loaded/);
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
      .evaluateAll((chips) => chips.map((chip) => chip.getAttribute("title") ?? ""));
    expect(labels.some((label) => label.startsWith("Blocked › App Compatibility"))).toBe(true);
  }
}
