import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AxeFinding, axeViolations } from "./support/axe.ts";
import { api, launchBrowser, openPage } from "./support/browser.ts";
import { freshEntitlement } from "./support/test-data.ts";

/** The password the demo seed gives its users (e2e/support/browser.ts). */
const demoPassword = "unblock-demo";

let browser: Browser;
/** Who reads each language: the Admin (English), and a Team Lead of this test's own who chose German. */
const readers: Record<string, string | undefined> = { en: undefined, de: "axe.deutsch@example.test" };
beforeAll(async () => {
  browser = await launchBrowser();
  const email = readers.de!;
  // The demo password, so the test's API helper can sign in as this reader too.
  await api("/users", {
    method: "POST",
    body: { email, name: "Axe Deutsch", role: "team_lead", password: demoPassword },
  });
  await api("/me/preferences", { method: "PATCH", as: email, body: { language: "de" } });
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
 * axe-core's WCAG 2.1 A and AA rules over the five pages people work in, in
 * both languages. Selectors avoid visible words, so the same checks hold in
 * every language.
 */
describe.each(Object.keys(readers))("accessibility (axe-core, WCAG 2.1 AA) in %s", (language) => {
  const userEmail = readers[language];
  const open = async (path: string) => {
    const opened = await openPage(browser, path, { userEmail });
    // The reader's language applies once the app knows who signed in.
    await opened.page.waitForFunction((lang) => document.documentElement.lang === lang, language);
    return opened;
  };

  it("the portfolio", async () => {
    const { context, page } = await open("/?l1=blocked");
    await page.locator("tbody tr").first().waitFor();
    await expectNoViolations(page);
    await context.close();
  });

  it("the status editor with a Blocked status chosen", async () => {
    const target = await freshEntitlement({ l1: "status_unknown" }, userEmail);
    const { context, page } = await open(`/tenants/${target.tenant.id}?edit=${target.id}`);
    const drawer = page.getByRole("dialog");
    const l1 = drawer.locator('select:has(option[value="blocked"])').first();
    await l1.selectOption("blocked");
    await drawer.locator('select:has(option[value="app_compatibility"])').first().waitFor();
    await expectNoViolations(page);
    await context.close();
  });

  it("the tenant page", async () => {
    const target = await freshEntitlement({ l1: "blocked" }, userEmail);
    const { context, page } = await open(`/tenants/${target.tenant.id}`);
    await page.locator("h2").first().waitFor();
    await expectNoViolations(page);
    await context.close();
  });

  it("the dashboards", async () => {
    const { context, page } = await open("/dashboards");
    await page.locator(".recharts-bar-rectangle path").first().waitFor();
    await expectNoViolations(page);
    await context.close();
  });

  it("the playbook", async () => {
    const { context, page } = await open("/playbook/blocked");
    await page.locator("nav a").first().waitFor();
    await expectNoViolations(page);
    await context.close();
  });
});
