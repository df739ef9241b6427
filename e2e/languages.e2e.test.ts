import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntitlementView } from "../web/api/api-types.ts";
import { api, baseUrl, launchBrowser, openPage, screenshot } from "./support/browser.ts";
import { daysFromToday, freshEntitlement } from "./support/test-data.ts";

const password = "two languages e2e password";

let browser: Browser;
let target: EntitlementView;

/** A Delivery FM of its own, assigned to the tenant, so its language choice changes no other test's user. */
async function deliveryFm(email: string, name: string): Promise<string> {
  const user = await api<{ id: string }>("/users", {
    method: "POST",
    body: { email, name, role: "delivery_fm", password },
  });
  await api("/assignments", { method: "POST", body: { userId: user.id, tenantId: target.tenant.id } });
  return email;
}

beforeAll(async () => {
  browser = await launchBrowser();
  target = await freshEntitlement({ l1: "status_unknown", stage: "delivery" });
});
afterAll(async () => {
  await browser?.close();
});

/** The editor of the test's entitlement (Delivery stage), in German: Blocked for App Compatibility. */
async function blockedWithoutDate(page: Page) {
  await page.goto(`/tenants/${target.tenant.id}?edit=${target.id}`);
  const drawer = page.getByRole("dialog");
  await drawer.getByLabel("L1-Status").selectOption("blocked");
  await drawer.getByLabel("L2-Grund").selectOption("app_compatibility");
  const scenario = drawer.getByLabel("Engagement-Szenario");
  if ((await scenario.evaluate((element) => element.tagName)) === "SELECT") {
    await scenario.selectOption("customer_led");
  }
  return drawer;
}

describe("two languages in one database", () => {
  it("speaks German to a person who chose it: editor, Blocked guidance, rule message, dates", async () => {
    const email = await deliveryFm("greta.deutsch@example.test", "Greta Deutsch");
    const { context, page } = await openPage(browser, `/tenants/${target.tenant.id}`, {
      userEmail: email,
      password,
    });
    // Chosen in the user menu; the browser speaks English.
    await page.getByRole("button", { name: /account menu/ }).click();
    await page.getByRole("menuitem", { name: "Language…" }).click();
    await page.getByRole("dialog", { name: "Language" }).getByLabel("Deutsch").click();
    await page.getByRole("navigation", { name: "Bereiche" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("de");

    const drawer = await blockedWithoutDate(page);
    await drawer.getByRole("tab", { name: "Status bearbeiten" }).waitFor();
    await drawer.getByLabel("L1-Status").waitFor();
    expect(await drawer.getByLabel("L1-Status").locator("option:checked").textContent()).toBe("Blockiert");
    const guidance = drawer.getByRole("region", { name: "Hinweise des Playbooks" });
    await guidance.getByRole("link", { name: "App-Kompatibilität" }).waitFor();
    expect(await guidance.textContent()).toContain("Nicht, wenn…");
    expect(await guidance.textContent()).toContain("Keine fehlende Funktion des Service selbst");
    expect(await guidance.textContent()).toContain(
      "App Assure hilft, die fehlerhaften Anwendungen zu beheben.",
    );

    await drawer
      .getByRole("textbox", { name: /^Notiz/ })
      .fill(
        "Blockiert: Die Schadensanwendung ist für Teams nicht zertifiziert; löst sich, wenn der Hersteller sein Update liefert.",
      );
    await drawer.getByRole("button", { name: "Status speichern" }).click();
    const date = drawer.getByLabel("Zieldatum");
    await expect.poll(() => date.getAttribute("aria-invalid")).toBe("true");
    const message = await drawer.locator(`[id="${await date.getAttribute("id")}-error"]`).textContent();
    expect(message).toBe(
      "Für „Blockiert“ in der Phase „Umsetzung“ ist das Feld „Voraussichtliches Lösungsdatum“ erforderlich.",
    );

    await date.fill(daysFromToday(45));
    await drawer.getByRole("button", { name: "Status speichern" }).click();
    await drawer.getByRole("status").filter({ hasText: "Gespeichert" }).waitFor();
    const history = drawer.getByRole("list", { name: "Statusverlauf" });
    const line = history.getByText(/^Zieldatum: — → /).first();
    await line.waitFor();
    // "4. März 2026": day, month name, year, in German; never the stored 2026-03-04.
    expect(await line.textContent()).toMatch(/^Zieldatum: — → \d{1,2}\. \p{L}+\.? \d{4}$/u);
    await screenshot(page, "languages-german-editor");
    await context.close();
  });

  it("follows a German browser for a person who chose no language, from the sign-in page on", async () => {
    const email = await deliveryFm("bruno.browser@example.test", "Bruno Browser");
    const context = await browser.newContext({ baseURL: baseUrl(), locale: "de-DE" });
    const page = await context.newPage();
    await page.goto(`/tenants/${target.tenant.id}`);
    await page.getByRole("heading", { name: "Bei Unblock anmelden" }).waitFor();
    await page.getByLabel("E-Mail").fill(email);
    await page.getByRole("textbox", { name: "Kennwort" }).fill(password);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.getByRole("navigation", { name: "Bereiche" }).waitFor();
    // Nothing was chosen: the language menu offers the browser's, German, as what is in use.
    await page.getByRole("button", { name: /Kontomenü/ }).click();
    await page.getByRole("menuitem", { name: "Sprache…" }).click();
    const choice = page.getByRole("dialog", { name: "Sprache" }).getByLabel("Wie im Browser (Deutsch)");
    expect(await choice.isChecked()).toBe(true);
    await context.close();
  });

  it("speaks English to an English person in the same database", async () => {
    const email = await deliveryFm("emma.english@example.test", "Emma English");
    const { context, page } = await openPage(browser, `/tenants/${target.tenant.id}`, {
      userEmail: email,
      password,
    });
    await page.getByRole("navigation", { name: "Sections" }).waitFor();
    await page.goto(`/tenants/${target.tenant.id}?edit=${target.id}`);
    const drawer = page.getByRole("dialog");
    await drawer.getByRole("tab", { name: "History" }).click();
    const history = drawer.getByRole("list", { name: "Status history" });
    // Greta's change, in English words and an English date.
    const line = history.getByText(/^Target date: — → /).first();
    await line.waitFor();
    expect(await line.textContent()).toMatch(/^Target date: — → \d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
    expect(await history.textContent()).toContain("Blocked › App Compatibility");
    await drawer.getByRole("tab", { name: "Edit status" }).click();
    const guidance = drawer.getByRole("region", { name: "Playbook guidance" });
    expect(await guidance.textContent()).toContain("Not this if…");
    await context.close();
  });
});
