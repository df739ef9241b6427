import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, launchBrowser, openPage, screenshot } from "./support/browser.ts";
import { daysFromToday, entitlement, freshEntitlement } from "./support/test-data.ts";

/** The demo password, so the API helper can sign in as this test's own Delivery FMs too. */
const demoPassword = "unblock-demo";
/** Steps the walk took when the issue was filed (issue 19): it must never take more. */
const stepsBefore = 7;

/** What a person reads and clicks, in each language. */
const words = {
  en: {
    scenario: "Engagement scenario",
    l1: "L1 status",
    l2: "L2 reason",
    target: "Target date",
    note: /^Note/,
    save: "Save status",
    saved: "Saved",
    notSaved: "Not saved",
    noteText:
      "Blocked: the claims application is not certified for the service; clears when the vendor ships its certified release.",
  },
  de: {
    scenario: "Engagement-Szenario",
    l1: "L1-Status",
    l2: "L2-Grund",
    target: "Zieldatum",
    note: /^Notiz/,
    save: "Status speichern",
    saved: "Gespeichert",
    notSaved: "Nicht gespeichert",
    noteText:
      "Blockiert: Die Schadensanwendung ist für den Service nicht zertifiziert; löst sich, wenn der Hersteller die zertifizierte Version liefert.",
  },
} as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A Delivery FM of the test's own in the given language, assigned to the entitlement's tenant. */
async function deliveryFm(language: "en" | "de", tenantId: string): Promise<string> {
  const email = `walk.${language}@example.test`;
  const user = await api<{ id: string }>("/users", {
    method: "POST",
    body: { email, name: `Walk ${language.toUpperCase()}`, role: "delivery_fm", password: demoPassword },
  });
  await api("/assignments", { method: "POST", body: { userId: user.id, tenantId } });
  await api("/me/preferences", { method: "PATCH", as: email, body: { language } });
  return email;
}

/**
 * The seed's Delivery-stage Blocked update (App Compatibility, a projected
 * unblock date, the explanation), walked as a Delivery FM who knows no docs:
 * from the portfolio's row, every click, choice and typed field is one step.
 */
async function walk(page: Page, language: "en" | "de", target: { id: string; tenant: string }) {
  const say = words[language];
  let steps = 0;
  const step = async (action: () => Promise<unknown>) => {
    steps += 1;
    await action();
  };
  const row = page.locator(`.portfolio-row[data-entitlement="${target.id}"]`);
  await step(() => row.locator("[data-column='reason']").click());
  const drawer = page.getByRole("dialog");
  await step(() => drawer.getByLabel(say.l1).selectOption("blocked"));
  await step(() => drawer.getByLabel(say.l2).selectOption("app_compatibility"));
  // Blocked in Delivery carries the engagement scenario; a status that had none asks for it.
  const scenario = drawer.getByLabel(say.scenario);
  if ((await scenario.evaluate((element) => element.tagName)) === "SELECT") {
    await step(() => scenario.selectOption("customer_led"));
  }
  await step(() => drawer.getByLabel(say.target).fill(daysFromToday(60)));
  await step(() => drawer.getByRole("textbox", { name: say.note }).fill(say.noteText));
  await step(() => drawer.getByRole("button", { name: say.save }).click());
  const saved = drawer.getByRole("status").filter({ hasText: say.saved });
  const refused = drawer.getByRole("alert").filter({ hasText: say.notSaved });
  await saved.or(refused).first().waitFor();
  expect(await refused.allTextContents()).toEqual([]);
  return steps;
}

describe.each(["de", "en"] as const)("the Delivery-stage Blocked update in %s", (language) => {
  it(`takes no more than ${stepsBefore} steps from the portfolio and saves the seed's status`, async () => {
    const target = await freshEntitlement({ l1: "status_unknown", stage: "delivery" });
    const email = await deliveryFm(language, target.tenant.id);
    // The walk starts where a link or a search leads: the portfolio showing the tenant's rows.
    const { context, page } = await openPage(browser, `/?${new URLSearchParams({ q: target.tenant.name })}`, {
      userEmail: email,
      password: demoPassword,
    });
    try {
      await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
      const steps = await walk(page, language, { id: target.id, tenant: target.tenant.name });
      expect(steps).toBeLessThanOrEqual(stepsBefore);
    } finally {
      await screenshot(page, `delivery-walk-${language}`);
      await context.close();
    }
    const stored = await entitlement(target.id);
    expect(stored.segments).toMatchObject([
      { l1: "blocked", scenarioId: "blocked_delivery", l2: "app_compatibility", owner: "Account Team" },
    ]);
  });
});
