import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AxeFinding, axeViolations } from "./support/axe.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { freshEntitlement } from "./support/test-data.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The page once its data has arrived: no loader left. */
async function settled(page: Page): Promise<void> {
  await page
    .locator(".mantine-Loader-root")
    .first()
    .waitFor({ state: "detached" })
    .catch(() => undefined);
  await page.waitForLoadState("networkidle");
}

/** Violations as short lines, so a failure names the rule, its impact and where. */
const summary = (found: AxeFinding[]) =>
  found.map(
    (item) =>
      `${item.id} (${item.impact}, ${item.count}×): ${item.targets.join(" | ")}; first: ${item.first}`,
  );

async function expectNoViolations(page: Page): Promise<void> {
  await settled(page);
  expect(summary(await axeViolations(page))).toEqual([]);
}

/**
 * axe-core's WCAG 2.1 A and AA rules over the five pages people work in.
 * Selectors avoid visible words, so the same checks hold in every language.
 */
describe("accessibility (axe-core, WCAG 2.1 AA)", () => {
  it("the portfolio", async () => {
    const { context, page } = await openPage(browser, "/?l1=blocked");
    await page.locator("tbody tr").first().waitFor();
    await expectNoViolations(page);
    await context.close();
  });

  it("the status editor with a Blocked status chosen", async () => {
    const target = await freshEntitlement({ l1: "status_unknown" });
    const { context, page } = await openPage(browser, `/tenants/${target.tenant.id}?edit=${target.id}`);
    const drawer = page.getByRole("dialog");
    const l1 = drawer.locator('select:has(option[value="blocked"])').first();
    await l1.selectOption("blocked");
    await drawer.locator('select:has(option[value="app_compatibility"])').first().waitFor();
    await expectNoViolations(page);
    await context.close();
  });

  it("the tenant page", async () => {
    const target = await freshEntitlement({ l1: "blocked" });
    const { context, page } = await openPage(browser, `/tenants/${target.tenant.id}`);
    await page.locator("h2").first().waitFor();
    await expectNoViolations(page);
    await context.close();
  });

  it("the dashboards", async () => {
    const { context, page } = await openPage(browser, "/dashboards");
    await page.locator(".recharts-bar-rectangle path").first().waitFor();
    await expectNoViolations(page);
    await context.close();
  });

  it("the playbook", async () => {
    const { context, page } = await openPage(browser, "/playbook/blocked");
    await page.locator("nav a").first().waitFor();
    await expectNoViolations(page);
    await context.close();
  });
});
